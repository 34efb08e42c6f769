select amount::numeric(10, 2) as amount, cast(rate as decimal(5,4)) as rate, n::integer as n
from t
