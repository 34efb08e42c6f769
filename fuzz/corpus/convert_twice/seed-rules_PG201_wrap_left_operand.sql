select
    (prefix || suffix)->'a' as nested_ok,
    coalesce(a, b)->'k' as from_function,
    x::jsonb->'k' as from_cast,
    {{ json_col }}->>'name' as from_jinja,
    case when flag then a else b end->'k' as from_case
from t
