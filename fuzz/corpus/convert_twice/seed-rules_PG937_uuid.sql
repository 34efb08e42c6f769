select gen_random_uuid() as id, *
from {{ ref('events') }}
