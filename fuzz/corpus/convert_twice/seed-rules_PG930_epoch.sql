select
    extract(epoch from ended_at - started_at) as duration_s,
    date_part('dow', visit_date) as weekday,
    date_part(part_name, visit_date) as dynamic_part,
    EXTRACT(WEEK FROM visit_date) AS week
from {{ ref('visits') }}
