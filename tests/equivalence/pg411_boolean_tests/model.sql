-- every boolean test on true, false and NULL, on a column and on a comparison, and under NOT
select
    id,
    is_active is true as t,
    is_active is not true as nt,
    is_active is false as f,
    is_active is not false as nf,
    is_active is unknown as u,
    is_active is not unknown as nu,
    a = b is false as cmp_false,
    not (a > 1) is true as not_big,
    case when is_active is not true then 'off' else 'on' end as label
from flags
where a = b is not true or is_active is true
