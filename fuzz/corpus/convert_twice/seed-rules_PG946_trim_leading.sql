select
    trim(leading '0' from code) as code,
    TRIM(BOTH ' ' FROM label) as label,
    trim(other) as other -- plain trim: not reported
from {{ ref('codes') }}
