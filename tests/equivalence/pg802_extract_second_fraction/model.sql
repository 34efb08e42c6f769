-- Second-of-minute and minute-of-hour of each call, for a load histogram.
select
    call_id,
    endpoint,
    extract(second from started_at) as second_of_minute,
    date_part('minute', started_at) as minute_of_hour,
    extract(hour from started_at) as hour_of_day
from api_calls
