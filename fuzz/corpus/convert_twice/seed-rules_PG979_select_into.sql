select id, label
into tmp_offres
from {{ ref('offres') }}
