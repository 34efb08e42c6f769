select *
from {{ ref('events') }}
order by created_at
limit all offset 10
