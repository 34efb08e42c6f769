select
    coalesce(payload->'consent', '{"analytics": true}'::jsonb) as consent,
    (payload->>'extra')::jsonb as extra,
    ('{"a": ' || x || '}')::json as built,
    cast(raw::text as JSONB) as from_text
from t
