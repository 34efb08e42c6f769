select *
from {{ ref('events') }}
where payload ? 'email'
   or payload ?| array['phone', 'mobile']
