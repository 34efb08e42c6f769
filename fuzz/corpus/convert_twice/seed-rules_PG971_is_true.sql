select *
from {{ ref('users') }}
where is_active is true
   and is_deleted IS NOT TRUE
   and consent is unknown
