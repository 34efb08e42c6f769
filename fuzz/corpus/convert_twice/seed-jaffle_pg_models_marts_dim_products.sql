{{ config(materialized='table') }}

with products as (

    select * from {{ ref('stg_products') }}

),

sales as (

    select
        product_id,
        count(distinct order_id) as orders_containing,
        sum(quantity) as units_sold,
        sum(line_total) as revenue
    from {{ ref('stg_order_items') }}
    group by product_id

)

select
    p.product_id,
    p.sku,
    p.product_name,
    p.category,
    p.price,
    p.is_active,
    coalesce(s.orders_containing, 0) as orders_containing,
    coalesce(s.units_sold, 0) as units_sold,
    coalesce(s.revenue, 0) as revenue,
    rank() over (partition by p.category order by coalesce(s.revenue, 0) desc) as category_revenue_rank,
    case
        when s.units_sold is null then 'never_sold'
        when s.units_sold < 10 then 'slow'
        else 'regular'
    end as sales_velocity
from products as p
left join sales as s on s.product_id = p.product_id
