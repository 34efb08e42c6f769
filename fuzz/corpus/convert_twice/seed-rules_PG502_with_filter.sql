select
    order_id,
    -- keep the legacy SKUs around so support can look them up in the old system
    coalesce(array_agg(sku order by sku) filter (where has_legacy_sku), '{}'::text[]) as legacy_skus
from items
group by order_id
