select
    contract_id,
    to_date(end_text, 'DD/MM/YYYY') as end_date,
    to_date(end_text, 'FMDD/FMMM/YYYY') as end_date_fill_mode,
    to_date(year_text, 'YYYY') as birth_year,
    to_date(month_text, 'MM/YYYY') as first_of_month
from contracts
