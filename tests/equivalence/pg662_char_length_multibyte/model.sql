-- SIRET numbers have 14 characters; names are counted in characters too.
select
    etab_id,
    char_length(siret) = 14 as siret_ok,
    character_length(nom) as nom_chars
from etablissements
order by etab_id
