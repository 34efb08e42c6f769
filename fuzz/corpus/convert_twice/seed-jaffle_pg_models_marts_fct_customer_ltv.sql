{{ config(materialized='table', indexes=[{'columns': ['customer_id']}]) }}

/*
    Customer lifetime value = order revenue + subscription revenue.
    Maintained by the finance team (hence the upper-case style).
*/
WITH order_revenue AS (
    SELECT
        customer_id,
        COUNT(*) AS order_count,
        COUNT(*) FILTER (WHERE status = 'returned') AS returned_count,
        SUM(net_amount) AS order_revenue
    FROM {{ ref('fct_orders') }}
    GROUP BY customer_id
),

plans_held AS (
    SELECT
        customer_id,
        STRING_AGG(plan_name, ', ' ORDER BY plan_name) AS plans_held
    FROM {{ ref('int_subscriptions_current') }}
    GROUP BY customer_id
),

subscription_revenue AS (
    SELECT
        s.customer_id,
        SUM(i.amount_paid) AS subscription_revenue
    FROM {{ ref('stg_invoices') }} AS i
    INNER JOIN {{ ref('int_subscriptions_current') }} AS s
        ON s.subscription_id = i.subscription_id
    WHERE i.status = 'paid'
    GROUP BY s.customer_id
)

SELECT
    c.customer_id,
    c.full_name,
    COALESCE(o.order_count, 0) AS order_count,
    COALESCE(o.returned_count, 0) AS returned_count,
    COALESCE(o.order_revenue, 0) + COALESCE(sr.subscription_revenue, 0) AS lifetime_value,
    COALESCE(o.returned_count, 0)::FLOAT4 / NULLIF(o.order_count, 0) AS return_rate,
    ph.plans_held
FROM {{ ref('dim_customers') }} AS c
LEFT JOIN order_revenue AS o ON o.customer_id = c.customer_id
LEFT JOIN plans_held AS ph ON ph.customer_id = c.customer_id
LEFT JOIN subscription_revenue AS sr ON sr.customer_id = c.customer_id
