select
    c.customer_id,
    array_agg(oi.product_id order by o.ordered_at) as product_sequence,
    array_agg(o.order_id order by o.ordered_at desc, o.order_id) as orders_newest_first
from {{ ref('stg_customers') }} as c
join {{ ref('stg_orders') }} as o on o.customer_id = c.customer_id
join {{ ref('stg_order_items') }} as oi on oi.order_id = o.order_id
group by c.customer_id
