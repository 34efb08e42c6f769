-- time to close a ticket, in seconds, hours and whole days
select
    ticket_id,
    extract(epoch from closed_at::timestamp - opened_at::timestamp) as seconds_open,
    round(extract(epoch from cast(closed_at as timestamp) - cast(opened_at as timestamp)) / 3600, 2) as hours_open,
    cast(extract(epoch from closed_at::timestamp - opened_at::timestamp) / 86400 as int) as days_open
from tickets
