select
    array['a', 'b'] as letters,
    ARRAY(select id from {{ ref('children') }} c where c.parent_id = p.id) as child_ids
from {{ ref('parents') }} as p
