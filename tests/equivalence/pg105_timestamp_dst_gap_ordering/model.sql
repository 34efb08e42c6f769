select
    log_id,
    worker,
    punched::timestamp as punched_at,
    lag(punched::timestamp) over (partition by worker order by punched::timestamp nulls first, log_id) as previous_punch,
    punched::timestamp >= timestamp '2024-03-10 02:00:00'
        and punched::timestamp < '2024-03-10 03:00:00'::timestamp as in_spring_gap,
    rank() over (order by punched::timestamp desc nulls last) as latest_rank
from shift_log
order by punched::timestamp asc nulls first, log_id
