select
    d.id,
    jsonb_array_elements_text(d.data -> 'services') as service
from {{ source('dora', 'structures') }} as d
