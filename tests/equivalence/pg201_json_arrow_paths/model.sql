-- stg_events: fields pulled out of the event payload
select
    event_id,
    payload->>'type' as event_type,
    payload->>'Type' as event_type_mixed_case,
    payload->'customer'->>'tier' as customer_tier,
    payload->'customer' as customer,
    payload->'items'->0 as first_item,
    payload->'items' as items,
    payload->'items'->5 as missing_item
from events
