select array_position(statuses, 'closed') as closed_at_step
from {{ ref('tickets') }}
