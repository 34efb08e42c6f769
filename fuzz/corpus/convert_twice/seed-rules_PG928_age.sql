select extract(year from age(current_date, date_naissance)) as age_years
from {{ ref('beneficiaires') }}
