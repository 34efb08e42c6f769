select order_id::integer, quantity::bigint from orders
