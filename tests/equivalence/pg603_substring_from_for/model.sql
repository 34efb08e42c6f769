-- keyword forms with literal starts and lengths, a nested call, NULLs, short and empty strings
select
    siret,
    substring(siret from 1 for 9) as siren,
    substring(rubrique for 6) as rubrique6,
    substring(trim(numero) from 2) as tail,
    substring(siret from 3 for 0) as empty_len,
    substring(siret from 20 for 2) as past_end
from structures
