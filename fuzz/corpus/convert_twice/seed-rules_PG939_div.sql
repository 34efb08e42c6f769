select div(duree_minutes, 60) as hours
from {{ ref('sessions') }}
