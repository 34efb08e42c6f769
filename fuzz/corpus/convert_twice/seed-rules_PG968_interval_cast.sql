select created_at + (delay_days || ' days')::interval as due_at
from {{ ref('tasks') }}
