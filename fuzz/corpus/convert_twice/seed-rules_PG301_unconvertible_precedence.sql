select
    flag = x ~ 'b' as eq,
    x ~ '^' || prefix as concat_right
from t
