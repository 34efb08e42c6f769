select *
from {{ ref('offres') }}
where to_tsvector(label) @@ to_tsquery('velo')
