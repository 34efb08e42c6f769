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

)

select * from orders
