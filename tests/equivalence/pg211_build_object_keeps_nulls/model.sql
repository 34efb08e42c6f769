-- A NULL value must stay a key with JSON null (OBJECT_CONSTRUCT would drop it).
select
    id,
    jsonb_build_object('id', id, 'nom', nom, 'surface', surface, 'active', active) as doc,
    json_build_object('nom', nom) -> 'nom' is null as nom_missing
from structures
