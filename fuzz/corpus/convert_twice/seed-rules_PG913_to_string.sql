select
    array_to_string(thematiques, ', ') as thematiques,
    array_to_string(profils, ', ', 'inconnu') as profils
from {{ ref('services') }}
