-- The corpus shape: a key of each object of an aggregated array. Elements without the key,
-- a string element and a nested array are skipped (lax mode); a JSON null value is kept.
with merged as (
    select siret, jsonb_agg(doc::jsonb order by id) as docs
    from bordereaux
    group by siret
)
select
    siret,
    jsonb_array_length(jsonb_path_query_array(docs, '$.readable_id')) as n,
    jsonb_path_query_array(docs, '$.readable_id') ->> 0 as first_id
from merged
