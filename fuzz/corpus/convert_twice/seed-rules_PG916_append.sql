select array_append(previous_ids, id) as all_ids, array_cat(a, b) as both
from {{ ref('merges') }}
