{{ config(materialized='table') }}
select
    order_id,
{% if target.type == 'postgres' %}
    coalesce(amount, 0) as amount
{% else %}
    coalesce(amount, 0) as amount
{% endif %}
from orders
