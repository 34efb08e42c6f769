-- WRONG on purpose: integer division left alone. Snowflake's `/` returns a decimal
-- (5/2 = 2.5), so this must not pass for PostgreSQL's truncating 5/2 = 2.
select
    order_id,
    quantity / boxes as items_per_box
from order_items
