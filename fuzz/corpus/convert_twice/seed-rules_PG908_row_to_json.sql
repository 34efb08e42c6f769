select to_jsonb(s.*) as doc, row_to_json(t) as row_doc
from {{ ref('structures') }} as s
cross join lateral (select s.id) as t
