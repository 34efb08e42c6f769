select
    id,
    to_jsonb(label) as label_json,
    to_jsonb(price) as price_json,
    to_json(free) as free_json,
    to_jsonb(id * 2) as double_id
from services
