select *
from {{ ref('services') }}
where thematiques && array['logement', 'alimentation']
