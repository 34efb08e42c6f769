-- Every service kept, with one row per theme; a service without themes keeps one row with NULL.
select
    s.id,
    theme.value as thematique
from services as s
left join lateral jsonb_array_elements_text(s.thematiques::jsonb) as theme on true
