select replace(label, E'\n', ' ') as label
from {{ ref('offres') }}
