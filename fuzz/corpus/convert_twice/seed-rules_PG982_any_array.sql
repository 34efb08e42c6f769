select *
from {{ ref('tickets') }}
where status = any(array['open', 'pending'])
   or label ilike any (array['%urgent%', '%asap%'])
   or owner_id = any(select id from {{ ref('admins') }}) -- subquery: not reported
