{{
    config(
        materialized='incremental',
        unique_key='order_id',
        indexes=[{'columns': ['customer_id']}, {'columns': ['ordered_at']}]
    )
}}

with orders as (

    select * from {{ ref('int_orders_enriched') }}
    {% if is_incremental() %} where updated_at > (select max(updated_at) from {{ this }}) {% endif %}

),

items as (

    select * from {{ ref('int_order_items_agg') }}

),

payments as (

    select * from {{ ref('int_payments_pivoted') }}

)

select
    o.order_id,
    o.customer_id,
    o.ordered_at,
    o.updated_at,
    date_trunc('day', o.ordered_at) as order_date,
    o.status,
    o.channel,
    i.line_count,
    i.units,
    i.product_names,
    i.categories,
    p.card_amount,
    p.cash_amount,
    p.gift_amount,
    coalesce(p.net_amount, 0) as net_amount,
    coalesce(p.has_refund, false) as has_refund,
    cast(coalesce(i.items_total, 0) - coalesce(p.net_amount, 0) as numeric) as balance_due,
    now() as dbt_loaded_at
from orders as o
left join items as i on i.order_id = o.order_id
left join payments as p on p.order_id = o.order_id
