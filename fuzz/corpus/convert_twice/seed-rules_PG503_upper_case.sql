SELECT
    customer_id,
    COUNT(*) FILTER (WHERE status = 'returned') AS returned_count,
    COUNT(DISTINCT order_id) FILTER (WHERE status = 'returned') AS returned_distinct,
    SUM(net_amount) FILTER (WHERE NOT is_test) AS order_revenue
FROM {{ ref('fct_orders') }}
GROUP BY customer_id
