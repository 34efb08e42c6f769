select greatest(updated_at, deleted_at, created_at) as last_change,
       least(start_date, {{ var('min_date') }}) as first_day
from {{ ref('accounts') }}
