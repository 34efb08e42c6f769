select *, clock_timestamp() as loaded_at
from {{ ref('events') }}
