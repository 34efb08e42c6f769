select
    order_id,
    string_agg(product_name, sep) as names,
    string_agg(product_name, {{ var('separator') }}) as names_var
from items
group by order_id
