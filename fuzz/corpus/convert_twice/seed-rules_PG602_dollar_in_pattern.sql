-- PG601 writes the literal as '$' || '$' || $$…$$; the escape goes after the whole pattern.
select *
from {{ ref('prices') }}
where label like '$$\_%'
