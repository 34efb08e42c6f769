select pg_typeof(amount) as amount_type, current_setting('TimeZone') as tz
from {{ ref('payments') }}
