select
    flags & 4 = 4 as is_admin,
    flags | 1 as with_active,
    flags # mask as toggled,
    1 << shift as bit,
    ~flags as inverted
from {{ ref('users') }}
