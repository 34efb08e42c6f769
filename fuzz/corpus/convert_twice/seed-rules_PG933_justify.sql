select justify_days(ended_at - started_at) as duration
from {{ ref('contracts') }}
