select
    customer_id,
    array_agg(order_id) as order_ids,
    array_agg(distinct channel) as channels,
    array_agg(order_id) over (partition by customer_id) as all_orders
from orders
group by customer_id, order_id, channel
