select distinct on (customer_id)
    customer_id,
    date_trunc('month', ordered_at) as month,
    count(*) as orders
from orders
group by customer_id, date_trunc('month', ordered_at)
having count(*) > 1
order by customer_id, count(*) desc, month
