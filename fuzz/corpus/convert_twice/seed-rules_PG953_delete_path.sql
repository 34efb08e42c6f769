select payload #- '{meta,token}' as payload
from {{ ref('events') }}
