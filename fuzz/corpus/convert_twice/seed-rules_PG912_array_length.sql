select id
from {{ ref('services') }}
where array_length(thematiques, 1) > 0
    and cardinality(profils) >= 1
