-- Net payments on an order should never exceed the order total
-- (allowing one cent of rounding). Returned orders are settled separately.
select
    o.order_id,
    o.items_total,
    p.net_amount
from {{ ref('int_orders_enriched') }} as o
join {{ ref('int_payments_pivoted') }} as p on p.order_id = o.order_id
where p.net_amount > o.items_total + 0.01
  and o.status !~ '^return'
