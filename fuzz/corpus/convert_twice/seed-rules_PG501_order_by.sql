select
    order_id,
    string_agg(product_name, ', ' order by product_name) as product_names,
    string_agg(distinct category, ',') as categories,
    string_agg(sku, ';') as skus
from {{ ref('stg_order_items') }}
group by order_id
