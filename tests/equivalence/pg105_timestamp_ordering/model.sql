-- orders, newest first; undated orders come first, as PostgreSQL sorts NULL high
select
    order_id,
    customer,
    ordered_at::timestamp as ordered_at,
    date_trunc('month', ordered_at::timestamp) as order_month,
    cast(ordered_at as timestamp without time zone) < '2024-02-01'::timestamp as before_february
from raw_orders
order by ordered_at::timestamp desc, order_id
