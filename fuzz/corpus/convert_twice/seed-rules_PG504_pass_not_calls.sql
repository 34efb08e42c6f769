select
    bool_or,
    t.every,
    analytics.bool_and(flag) as custom_agg,
    "bool_or"(flag) as quoted,
    boolor_agg(flag) as already
from flags as t
group by bool_or, t.every
