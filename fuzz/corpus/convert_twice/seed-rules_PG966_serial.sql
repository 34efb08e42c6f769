select id::serial as id
from {{ ref('orders') }}
