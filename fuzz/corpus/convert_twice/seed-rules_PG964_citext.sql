select *
from {{ ref('users') }}
where email::citext = {{ var('admin_email') }}
