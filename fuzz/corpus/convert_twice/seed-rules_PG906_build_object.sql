select
    jsonb_build_object('id', s.id, 'nom', s.nom) as payload,
    json_build_array(s.lat, s.lon) as point
from {{ ref('structures') }} as s
