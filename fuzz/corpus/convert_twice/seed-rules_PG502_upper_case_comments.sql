SELECT
    customer_id,
    ARRAY_AGG(
        plan_name  -- the plan
        ORDER BY started_at  /* oldest first */
    ) AS plans
FROM subscriptions
GROUP BY customer_id
