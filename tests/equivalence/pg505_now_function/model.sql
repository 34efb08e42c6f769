-- Subscription status as of the build. Start dates in the future are
-- pre-orders; an open subscription ends "now" for tenure purposes.
select
    subscription_id,
    started_at > now() as is_preorder,
    coalesce(cancelled_at, now()) >= started_at as has_started,
    cancelled_at is null or cancelled_at > now() as is_active,
    trial_ends_on < now() as trial_over,
    now() > timestamp '2024-01-01 00:00:00' as built_after_2024
from subscriptions
where started_at < now() + interval '100 years'
   or started_at is null
