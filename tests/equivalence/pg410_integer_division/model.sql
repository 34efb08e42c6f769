-- integer quotients truncate toward zero in PostgreSQL, also for negative operands
select
    id,
    amount::int / 2 as half,
    cast(amount as bigint) / -4 as negative_divisor,
    -7 / 2 as literal,
    length(code) / 3 as thirds,
    floor(amount::int / 2) as floored,
    (select 100 * count(distinct e.user_id) / count(*) from events as e) as pct
from events
