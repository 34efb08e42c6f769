select md5(email::bytea) as email_hash
from {{ ref('users') }}
