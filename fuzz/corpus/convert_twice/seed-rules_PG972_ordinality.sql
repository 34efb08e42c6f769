select s.id, step, n
from {{ ref('journeys') }} as s,
    unnest(s.steps) with ordinality as t(step, n)
