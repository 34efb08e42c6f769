select *
from {{ ref('orders') }}
where reference like 'ORD-%'
    and code like 'A\_%' escape '!'
    and note like {{ var('pattern') }}
    and status = 'a\b'
