with items as (

    select * from {{ source('shop', 'order_items') }}

)

select
    id::int8 as order_item_id,
    order_id::int8 as order_id,
    product_id::int4 as product_id,
    upper(sku) as sku,
    quantity::int2 as quantity,
    round(unit_price_cents::numeric / 100, 2) as unit_price,
    round((unit_price_cents * quantity)::numeric / 100, 2) as line_total,
    /* new SKUs look like ABC-12345; anything else predates the 2020 catalog migration */
    upper(sku) !~ '^[A-Z]{3}-\d+$' as has_legacy_sku
from items
where quantity > 0
