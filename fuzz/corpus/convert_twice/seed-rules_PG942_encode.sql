select encode(sha256(email::bytea), 'hex') as email_hash
from {{ ref('users') }}
