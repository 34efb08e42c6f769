select *
from {{ ref('events') }}
where random() < 0.1
