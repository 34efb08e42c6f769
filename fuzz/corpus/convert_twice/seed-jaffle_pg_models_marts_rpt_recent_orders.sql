{{ config(materialized='view') }}
{%- set lookback_days = 90 -%}
{%- set dev_row_limit = 500 -%}

-- recent orders for the ops dashboard; dev runs only read a small slice
select
    order_id,
    customer_id,
    ordered_at,
    status,
    net_amount,
    has_refund,
    now() as report_generated_at
{% if target.name == 'dev' %}
from {{ ref('fct_orders') }}
where ordered_at >= current_date - 7
order by ordered_at desc
limit {{ dev_row_limit }}
{% else %}
from {{ ref('fct_orders') }} as o
where o.ordered_at >= current_date - {{ lookback_days }}
  and o.status <> 'returned'
{% endif %}
