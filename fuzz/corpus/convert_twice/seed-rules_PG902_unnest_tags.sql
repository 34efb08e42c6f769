select
    s.id,
    unnest(s.thematiques) as thematique
from {{ ref('stg_services') }} as s
