select id, ts_rank(to_tsvector('french', label), plainto_tsquery('french', 'velo')) as rank
from {{ ref('offres') }}
