select *
from {{ ref('codes') }}
where code like E'A\\_%'
