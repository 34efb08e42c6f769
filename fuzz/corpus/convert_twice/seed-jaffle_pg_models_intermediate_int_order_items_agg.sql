with items as (

    select
        oi.order_id,
        oi.product_id,
        oi.sku,
        oi.quantity,
        oi.line_total,
        oi.has_legacy_sku,
        p.product_name,
        p.category
    from {{ ref('stg_order_items') }} as oi
    left join {{ ref('stg_products') }} as p
        on p.product_id = oi.product_id

)

select
    order_id,
    count(*)::int4 as line_count,
    sum(quantity)::int8 as units,
    sum(line_total) as items_total,
    string_agg(product_name, ', ' order by product_name) as product_names,
    string_agg(distinct category, ',') as categories,
    -- keep the legacy SKUs around so support can look them up in the old system
    coalesce(array_agg(sku order by sku) filter (where has_legacy_sku), '{}'::text[]) as legacy_skus
from items
group by order_id
