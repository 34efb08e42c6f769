select
    (regexp_match(libelle, '(\d+) ans'))[1] as age_min,
    regexp_matches(code, '[A-Z]+', 'g') as letters
from {{ ref('offres') }}
