select payload::text as payload, parse_json(raw) as raw
from t
