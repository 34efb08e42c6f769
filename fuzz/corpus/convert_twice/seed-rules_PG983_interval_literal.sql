select
    started_at + interval '1.5 hours' as fractional,
    started_at + interval '2 hours 30 minutes' as spaced,
    started_at + interval '1 day' as simple, -- not reported
    started_at - interval '1 day' * n_days as scaled,
    started_at + INTERVAL '3' DAY as qualified
from {{ ref('sessions') }}
