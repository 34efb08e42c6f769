SELECT
    customer_id,
    STRING_AGG(plan_name, ', ' ORDER BY plan_name DESC NULLS LAST, started_at) AS plans_held
FROM {{ ref('int_subscriptions_current') }}
GROUP BY customer_id
