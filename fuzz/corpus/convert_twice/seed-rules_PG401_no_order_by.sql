select distinct on (account_id, plan)
    account_id,
    plan,
    started_at
from subscriptions
where active
limit 10
