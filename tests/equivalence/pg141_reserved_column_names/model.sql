with sample as (
    select id, start, rows, r.current as current_value
    from runs as r
    where start is not null
)
select sample.id, sample.start + sample.rows as total, current_value
from sample
