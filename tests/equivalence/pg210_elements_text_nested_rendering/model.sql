-- Each element as text: strings unquoted, a nested object as JSON text.
select
    e.id,
    item as element_text
from events as e,
    jsonb_array_elements_text(e.payload::jsonb) as item
