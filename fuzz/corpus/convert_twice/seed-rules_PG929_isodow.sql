select
    extract(isodow from visit_date) as iso_weekday,
    date_part('century', visit_date) as century,
    extract(year from visit_date) as y -- same in Snowflake
from {{ ref('visits') }}
