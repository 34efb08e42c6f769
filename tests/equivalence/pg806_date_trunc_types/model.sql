-- monthly and weekly buckets of visits; session time zone UTC on both engines
select
    visit_id,
    date_trunc('month', visit_date::date) as month_start,
    date_trunc('quarter', cast(visit_date as date)) - interval '1 month' as before_quarter,
    date_trunc('year', visit_date)::date as year_start_date,
    date_trunc('day', measured_at::timestamp) as day_start,
    date_trunc('hour', measured_at::timestamp) as hour_start,
    date_trunc('week', measured_at) as week_start,
    date_trunc('month', visit_date) = date_trunc('month', measured_at) as same_month
from visits
