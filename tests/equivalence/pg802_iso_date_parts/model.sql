select
    visit_id,
    date_part('week', visit_date) as week_number,
    extract(isodow from visit_date) as iso_day,
    extract(isoyear from visit_date) as iso_year,
    extract(dow from visit_date) as day_of_week
from visits
