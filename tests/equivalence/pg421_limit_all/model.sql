-- Every event but the first, in order: LIMIT ALL keeps every row after the
-- OFFSET (NULL timestamps sort last in both engines).
select event_id, created_at
from events
order by created_at
limit all offset 1
