select name like 'a%' as a, ~ flags as inverted, name ~~ 'b%' as b
from t
