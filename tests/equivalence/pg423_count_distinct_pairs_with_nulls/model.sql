-- Distinct customer-days per region.
select region, count(distinct (customer_id, order_date)) as customer_days
from orders
group by region
order by region
