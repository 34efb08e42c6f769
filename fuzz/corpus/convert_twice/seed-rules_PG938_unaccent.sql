select lower(unaccent(commune)) as commune_key
from {{ ref('communes') }}
