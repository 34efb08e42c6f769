-- Largest order per customer and region. Refunds are negative amounts;
-- orders without an amount go last; equal amounts keep the earliest order.
with orders_by_region as (

    select
        o.order_id,
        o.customer_id,
        s.region,
        o.ordered_at,
        o.amount
    from orders as o
    left join stores as s
        on s.store_id = o.store_id

)

select distinct on (customer_id, region)
    customer_id,
    region,
    order_id as largest_order_id,
    amount as largest_amount
from orders_by_region
where amount is distinct from 0
order by customer_id, region, amount desc nulls last, ordered_at
