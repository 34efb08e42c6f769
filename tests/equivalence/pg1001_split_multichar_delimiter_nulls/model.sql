with stops as (
    select r.route_id, stop
    from routes as r,
        unnest(string_to_array(r.stops, ' | ')) as stop
)

select
    r.route_id,
    count(s.stop) as stop_count,
    sum(case when s.stop = '' then 1 else 0 end) as blank_stops,
    max(s.stop) as last_stop_alphabetically
from routes as r
left join stops as s on s.route_id = r.route_id
group by r.route_id
