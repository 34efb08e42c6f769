select
    order_id,
    listagg(product_name, ', ') within group (order by product_name) as product_names,
    myschema.string_agg(product_name) as custom
from items
group by order_id
