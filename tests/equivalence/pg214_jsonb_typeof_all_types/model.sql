select
    id,
    jsonb_typeof(doc::jsonb) as kind,
    jsonb_typeof(doc::jsonb -> 'items') = 'array' as has_item_array
from events
