-- One row per key of the object, the value as text.
select
    a.id,
    frein.key   as frein_code,
    frein.value as frein_niveau
from accompagnements as a,
    lateral jsonb_each_text(a.freins::jsonb) as frein
