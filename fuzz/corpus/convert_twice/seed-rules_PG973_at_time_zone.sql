select created_at at time zone 'Europe/Paris' as created_local
from {{ ref('events') }}
