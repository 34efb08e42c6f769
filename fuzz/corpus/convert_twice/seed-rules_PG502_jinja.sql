select
    customer_id,
    array_agg(order_id order by {{ order_col }}) as jinja_ordered,
    array_agg({{ col }} order by ordered_at) as jinja_value
from {{ ref('stg_orders') }}
group by customer_id
