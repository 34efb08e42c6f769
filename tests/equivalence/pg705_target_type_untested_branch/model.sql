-- The coupon report was only ever run on PostgreSQL; the else branch was written
-- "for other warehouses" and never tested.
select
    order_id,
{% if target.type != 'postgres' %}
    coalesce(coupon_code, 'none') as coupon,
{% else %}
    coalesce(nullif(trim(coupon_code), ''), 'none') as coupon,
{% endif %}
    amount
from orders
