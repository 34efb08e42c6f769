{{ config(materialized='table') }}
-- WRONG on purpose: the postgres branch is right, the branch Snowflake runs is not.
-- The case fails only if the harness renders target.type as 'snowflake' on that side.
select
    order_id,
{% if target.type == 'postgres' %}
    coalesce(amount, 0) as amount
{% else %}
    amount
{% endif %}
from orders
