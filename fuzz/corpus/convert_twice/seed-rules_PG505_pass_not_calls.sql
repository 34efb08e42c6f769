select
    now,
    t.now as snapshot_now,
    myschema.now() as custom_now,
    current_timestamp as ts
from {{ ref('clock') }} as t
