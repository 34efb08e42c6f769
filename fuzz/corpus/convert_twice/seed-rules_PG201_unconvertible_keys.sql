select
    tags->-1 as last_tag,
    tags -> -2 as second_last,
    payload->key_col as dynamic_key,
    payload->>'a'::text as cast_key
from t
