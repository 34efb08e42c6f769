with orders as (

    select * from {{ ref('int_orders_enriched') }}

)

select
    customer_id,
    count(*) as order_count,
    count(*) filter (where status = 'returned') as returned_orders,
    count(*) filter (where status in ('shipped', 'completed')) as fulfilled_orders,
    sum(amount_paid) filter (where status <> 'returned') as net_revenue,
    bool_or(channel = 'app') as has_used_app,
    bool_and(is_fully_paid) as always_paid_in_full,
    min(ordered_at) as first_order_at,
    max(ordered_at) as most_recent_order_at
from orders
group by customer_id
