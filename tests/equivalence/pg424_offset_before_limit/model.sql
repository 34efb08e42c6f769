-- The second and third events: OFFSET written before LIMIT.
select event_id, created_at
from events
order by created_at, event_id
offset 1 limit 2
