select
    structure_id,
    jsonb_agg(service_id order by service_id) as services,
    json_object_agg(code, label) as labels
from {{ ref('services') }}
group by 1
