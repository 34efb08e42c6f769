{#- one row per (product, tag), keeping the order the merch team entered them in -#}
select
    p.product_id,
    p.category,
    t.tag,
    t.tag_position::int4 as tag_position
from {{ ref('stg_products') }} as p
cross join lateral unnest(p.tags) with ordinality as t(tag, tag_position)
where t.tag <> ''
