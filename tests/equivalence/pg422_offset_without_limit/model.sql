-- Every event but the first two: OFFSET alone keeps all the rows after it.
select event_id, created_at
from events
order by created_at, event_id
offset 2
