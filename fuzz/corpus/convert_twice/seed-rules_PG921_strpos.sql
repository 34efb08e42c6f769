select substr(email, strpos(email, '@') + 1) as domain
from {{ ref('users') }}
