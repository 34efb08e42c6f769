-- SKU parts by brand format. The size offset is stored as a negative
-- length: PostgreSQL's left(s, -n) keeps all but the last n characters.
select
    p.product_id,
    left(p.sku, f.family_length) as family,
    left(p.sku, f.size_offset) as sku_without_size,
    right(p.sku, f.size_offset) as sku_without_prefix
from products as p
left join sku_formats as f
    on f.brand = p.brand
