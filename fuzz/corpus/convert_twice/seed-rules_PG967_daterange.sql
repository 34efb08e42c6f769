select *
from {{ ref('contracts') }}
where daterange(start_date, end_date) is not null
   or '[2024-01-01,2024-02-01)'::daterange is not null
