select
    order_id,
    string_agg(distinct category, ',' order by category) as categories
from items
group by order_id
