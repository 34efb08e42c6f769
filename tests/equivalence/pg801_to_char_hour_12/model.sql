-- Human-readable event times for a report (12-hour clock in PostgreSQL).
select
    event_id,
    to_char(happened_at, 'YYYY-MM-DD HH:MI') as happened_at_label
from events
