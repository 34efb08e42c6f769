select
    event_id,
    payload::jsonb ? 'email' as has_email
from events
where payload::jsonb ? 'email' or payload::jsonb ? 'phone' or payload::jsonb ? 'nested'
