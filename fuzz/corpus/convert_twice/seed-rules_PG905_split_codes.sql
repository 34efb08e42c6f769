select id, regexp_split_to_table(codes, '\s*,\s*') as code
from {{ ref('raw_structures') }}
