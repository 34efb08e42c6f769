select
    substring(siret from 1 for 9) as siren,
    SUBSTRING(label FROM '\d{5}') as postcode
from {{ ref('structures') }}
