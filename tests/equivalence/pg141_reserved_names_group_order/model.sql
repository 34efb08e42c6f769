select
    c.increment,
    min(c.start) as first_start,
    sum(current) as total_current,
    max(sum(current)) over (partition by c.increment is null) as largest_total
from counters as c
group by c.increment
order by total_current desc nulls last, increment
