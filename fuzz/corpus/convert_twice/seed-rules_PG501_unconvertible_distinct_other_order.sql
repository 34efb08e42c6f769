select
    order_id,
    string_agg(distinct category, ',' order by category desc) as categories,
    string_agg(distinct category, ',' order by product_name) as categories_by_product
from items
group by order_id
