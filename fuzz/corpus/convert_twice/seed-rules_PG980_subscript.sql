select
    (string_to_array(code, '-'))[1] as prefix,
    tags[2:3] as middle_tags,
    payload['key'] as key_value, -- JSON key: not reported
    items[0] as first_item -- index 0: read as JSON, not reported
from {{ ref('items') }}
