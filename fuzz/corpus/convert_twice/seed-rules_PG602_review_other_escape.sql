-- `\d` is not a LIKE escape: PostgreSQL matches a plain "d".
select *
from {{ ref('orders') }}
where reference like 'ORD\d%'
