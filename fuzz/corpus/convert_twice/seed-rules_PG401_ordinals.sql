select distinct on (1) customer_id, ordered_at
from orders
order by 1, 2 desc
