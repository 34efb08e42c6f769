select
    customer_id,
    array_agg(plan_name -- the plan
        order by started_at) as plans
from subscriptions
group by customer_id
