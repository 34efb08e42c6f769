select
    payload::jsonb as payload,
    cast(raw_payload as jsonb) as legacy_payload,
    {{ col }}::json as templated
from {{ source('shop', 'web_events') }}
