select a - 1 as x, b > 2 as y, payload['a'] as z
from t
