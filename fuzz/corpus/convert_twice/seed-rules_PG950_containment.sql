select *
from {{ ref('services') }}
where thematiques @> array['sante']
   or profils <@ array['jeunes', 'seniors']
