select
    d,
    sum(x) over (order by d groups between 1 preceding and current row) as s
from {{ ref('daily') }}
