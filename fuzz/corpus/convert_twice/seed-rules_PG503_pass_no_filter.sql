select
    customer_id,
    count_if(status = 'returned') as returned_orders,
    sum(iff(status <> 'returned', amount_paid, null)) as net_revenue,
    filter_value
from orders
where filter_value is not null
group by customer_id, filter_value
