{{ config(materialized='table', indexes=[{'columns': ['customer_id']}]) }}

with customers as (

    select * from {{ ref('stg_customers') }}

),

stats as (

    select * from {{ ref('int_customer_order_stats') }}

),

latest as (

    select * from {{ ref('int_customer_latest_order') }}

),

history as (

    select
        o.customer_id,
        array_agg(oi.product_id order by o.ordered_at) as product_sequence,
        string_agg(distinct p.category, ',') as categories_bought,
        bool_and(oi.has_legacy_sku) as only_legacy_skus
    from {{ ref('stg_order_items') }} as oi
    join {{ ref('stg_orders') }} as o on o.order_id = oi.order_id
    left join {{ ref('stg_products') }} as p on p.product_id = oi.product_id
    group by o.customer_id

)

select
    c.customer_id,
    c.full_name,
    c.email,
    c.city,
    c.country_code,
    c.created_at as customer_since,
    coalesce(s.order_count, 0) as order_count,
    coalesce(s.returned_orders, 0) as returned_orders,
    coalesce(s.net_revenue, 0) as lifetime_revenue,
    s.first_order_at,
    s.most_recent_order_at,
    l.latest_order_status,
    h.product_sequence,
    h.categories_bought,
    coalesce(h.only_legacy_skus, false) as only_legacy_skus,
    case
        when s.order_count > 1 then 'repeat'
        when s.order_count = 1 then 'new'
        else 'prospect'
    end as customer_type
from customers as c
left join stats as s on s.customer_id = c.customer_id
left join latest as l on l.customer_id = c.customer_id
left join history as h on h.customer_id = c.customer_id
