select distinct on (payload->>'sku')
    payload->>'sku' as sku,
    updated_at
from {{ ref('stg_events') }}
order by payload->>'sku', updated_at::timestamptz desc
