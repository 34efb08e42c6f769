-- local wall-clock time of each event in Paris (across both 2024 DST changes) and New York
select
    event_id,
    event_at::timestamptz at time zone 'Europe/Paris' as paris_time,
    cast(event_at as timestamptz) at time zone 'America/New_York' as new_york_time,
    event_at::timestamptz at time zone 'UTC' as utc_time
from events
