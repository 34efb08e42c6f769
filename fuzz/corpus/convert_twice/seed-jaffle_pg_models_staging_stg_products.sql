with source as (

    select * from {{ source('shop', 'products') }}

)

select
    id::int4 as product_id,
    upper(sku) as sku,
    name as product_name,
    lower(category) as category,
    -- tags arrive as a Postgres array literal in a text column, e.g. '{vegan,spicy}'
    coalesce(tags::text[], '{}'::text[]) as tags,
    weight_grams::float4 / 1000 as weight_kg,
    round(price_cents::numeric / 100, 2) as price,
    is_active,
    upper(sku) !~ '^[A-Z]{3}-\d+$' as has_legacy_sku
from source
where name !~* '^(test|dummy)'
  and sku !~* '^tmp-'
