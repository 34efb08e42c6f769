-- One row per element, with its 1-based position; empty and NULL arrays give no row.
select
    r.id,
    item.element ->> 'code'          as code,
    (item.element ->> 'n')::integer  as n,
    item.position
from reponses as r
cross join lateral jsonb_array_elements(r.payload::jsonb) with ordinality as item (element, position)
