select
    order_id,
    string_agg(sku, ',') over (partition by customer_id) as customer_skus,
    string_agg(sku, ',') over (partition by customer_id order by ordered_at) as running_skus
from items
