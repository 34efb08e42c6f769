-- order documents flattened to text columns
select
    order_id,
    doc->>'total' as total_text,
    doc->>'shipping' as shipping_text
from orders
