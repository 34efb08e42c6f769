select
    order_id,
    string_agg({{ col }}, ', ' order by {{ col }}) as jinja_ordered,
    string_agg({{ col }}, ', ') as jinja_value
from {{ ref('items') }}
group by order_id
