select c.id
from {{ ref('contracts') }} as c
where daterange(c.start_date, c.end_date, '[]') && daterange({{ var('start') }}, {{ var('end') }})
