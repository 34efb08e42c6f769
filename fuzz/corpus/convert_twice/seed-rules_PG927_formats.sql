select
    to_char(created_at, 'YYYY-MM-DD HH:MI') as created_label,
    to_date(date_naissance, 'DD/MM/YYYY') as born_on,
    to_timestamp(epoch_seconds) as created_ts,
    to_number(montant, '999G999D99') as amount
from {{ source('raw', 'forms') }}
