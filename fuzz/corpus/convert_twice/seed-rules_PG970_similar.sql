select *
from {{ ref('communes') }}
where code_postal similar to '[0-9]{5}'
   or code_insee NOT SIMILAR TO '2[AB]%'
