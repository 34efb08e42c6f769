-- items per box: PostgreSQL divides integers by truncating toward zero
select
    order_id,
    quantity / boxes as items_per_box
from order_items
