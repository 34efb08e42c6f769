select initcap(lower(nom)) as nom, INITCAP(prenom) as prenom
from {{ ref('people') }}
