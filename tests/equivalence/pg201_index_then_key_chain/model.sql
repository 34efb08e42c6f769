-- first line item of each event
select
    event_id,
    payload->'items'->0->>'sku' as first_sku,
    (payload->'items'->1->>'qty')::integer as second_qty
from events
