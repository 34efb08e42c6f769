select
    order_id,
    string_agg(sku, ', ' order by sku) filter (where has_legacy_sku) as legacy_skus
from items
group by order_id
