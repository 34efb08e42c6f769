{{ config(materialized='table') }}

-- monthly new vs. churned subscriptions per plan
WITH subs AS (
    SELECT * FROM {{ ref('stg_subscriptions') }}
),

started AS (
    SELECT
        DATE_TRUNC('month', started_at) AS activity_month,
        plan_id,
        COUNT(*) AS new_subscriptions
    FROM subs
    GROUP BY 1, 2
),

churned AS (
    SELECT
        DATE_TRUNC('month', cancelled_at) AS activity_month,
        plan_id,
        COUNT(*) AS churned_subscriptions
    FROM subs
    WHERE cancelled_at IS NOT NULL
    GROUP BY 1, 2
),

combined AS (
    SELECT
        COALESCE(s.activity_month, c.activity_month) AS activity_month,
        COALESCE(s.plan_id, c.plan_id) AS plan_id,
        COALESCE(s.new_subscriptions, 0) AS new_subscriptions,
        COALESCE(c.churned_subscriptions, 0) AS churned_subscriptions
    FROM started AS s
    FULL OUTER JOIN churned AS c
        ON c.activity_month = s.activity_month
        AND c.plan_id = s.plan_id
)

SELECT
    cb.activity_month,
    cb.plan_id,
    p.plan_name,
    cb.new_subscriptions,
    cb.churned_subscriptions,
    cb.new_subscriptions - cb.churned_subscriptions AS net_change,
    SUM(cb.new_subscriptions - cb.churned_subscriptions)
        OVER (PARTITION BY cb.plan_id ORDER BY cb.activity_month) AS running_net_subscriptions
FROM combined AS cb
LEFT JOIN {{ ref('stg_plans') }} AS p ON p.plan_id = cb.plan_id
