-- Current subscription state per customer: the latest event, the highest
-- event_id among events at the same instant. An event without a timestamp
-- sorts first under DESC (PostgreSQL puts NULLs first in descending order).
select distinct on (customer_id)
    customer_id,
    event_id,
    plan,
    status,
    changed_at as status_since
from subscription_events
order by customer_id, changed_at desc, event_id desc
