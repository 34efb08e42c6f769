select *
from {{ ref('scores') }}
order by score desc
fetch first 10 rows with ties
