-- orders with their customer's latest payment
select
    o.id::int4 as order_id,
    o.payload->>'channel' as channel,
    now() as loaded_at,
    o.note ~ 'gift' as is_gift
from {{ ref('stg_orders') }} as o
cross join generate_series(1, 3) as g(n)
