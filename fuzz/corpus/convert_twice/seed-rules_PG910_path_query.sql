select jsonb_path_query(data, '$.services[*].id') as service_id
from {{ source('soliguide', 'lieux') }}
