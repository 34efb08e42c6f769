select
    case when x ~ 'a' then 1 else 0 end as c,
    not x ~ 'a' as n,
    x ~ 'c' is true as t,
    (x ~ 'd')::int as i,
    a || b ~ 'e' as concat_left,
    flag = (x ~ 'f') as eq_nested
from t
where x ~ 'a' and y ~ 'b'
   or x !~* 'b' or z
