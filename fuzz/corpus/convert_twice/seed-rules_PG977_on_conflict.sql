insert into analytics.daily_counts (day, n)
select current_date, count(*) from {{ ref('events') }}
on conflict (day) do update set n = excluded.n
