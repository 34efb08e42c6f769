select
    payload->>'session_id' as session_id,
    payload->'utm'->>'campaign' as utm_campaign,
    payload -> 'address' -> 'lines' -> 0 as first_line,
    e.payload->'items'->1->>'sku' as second_sku,
    coalesce(payload->>'status', status) as status
from {{ ref('stg_events') }} as e
where payload->>'channel' = 'web'
