-- user sessions: raw timestamps carry their offset; the warehouse works in instants
with events as (
    select
        event_id,
        user_id,
        event_at::timestamptz as event_at,
        cast(event_at as timestamp with time zone) as event_at_long_form,
        lower(kind) as kind
    from raw_events
)

select
    user_id,
    min(event_at) as first_event_at,
    max(event_at_long_form) as last_event_at,
    count(event_at) as events_with_time,
    sum(case when event_at >= '2024-03-10 00:00:00+00'::timestamptz then 1 else 0 end) as events_since_march_10
from events
group by user_id
