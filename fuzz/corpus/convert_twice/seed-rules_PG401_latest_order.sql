/*
    Latest order per customer.
    distinct on is cheaper than row_number() here on our 40M row orders table.
*/
select distinct on (customer_id)
    customer_id,
    order_id as latest_order_id,
    status as latest_order_status,
    ordered_at as latest_ordered_at,
    ship_city as latest_ship_city
from {{ ref('stg_orders') }}
order by customer_id, ordered_at desc
