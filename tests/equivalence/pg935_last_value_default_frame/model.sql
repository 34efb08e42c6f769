-- Status history with the status "so far" at each change. The author
-- relied on PostgreSQL's default frame (up to the current row).
select
    ticket_id,
    changed_at,
    status,
    last_value(status) over (partition by ticket_id order by changed_at) as status_so_far,
    nth_value(status, 2) over (partition by ticket_id order by changed_at) as second_status
from ticket_status_changes
