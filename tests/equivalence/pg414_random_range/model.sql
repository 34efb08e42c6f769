-- random() draws floats in [0, 1): every draw is in range, and a < 2 filter keeps every row
-- (on Snowflake's integer RANDOM() about half the draws would be negative)
select
    count(*) as n,
    min(case when random() >= 0 and random() < 1 then 1 else 0 end) as all_in_range,
    sum(case when random() < 2 then 1 else 0 end) as kept
from events
