select
    order_id::int4,
    cast(quantity as INT2) as quantity,  -- keeps the comment
    (total_cents)::int8 as total_cents
from orders
