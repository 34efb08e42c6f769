select '#>' as op_text, a > b as bigger, payload['a']['b'] as v
from t
