select
    customer_id,
    array_agg(distinct channel order by channel) as channels,
    array_agg(distinct channel order by ordered_at) as channels_by_time
from orders
group by customer_id
