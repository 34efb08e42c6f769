select id, amount::number(12, 2) as amount
from {{ ref('stg_payments') }}
