select
    id,
    last_value(status) over (partition by id order by updated_at) as status_so_far,
    last_value(status) over (
        partition by id order by updated_at
        rows between unbounded preceding and unbounded following
    ) as final_status, -- explicit frame: not reported
    nth_value(status, 2) over (partition by id order by updated_at) as second_status
from {{ ref('status_history') }}
