select
    event_id,
    to_char(created_at, 'YYYY-MM') as month_key,
    to_char(created_at, 'DD/MM/YYYY HH:MI AM') as twelve_hour,
    to_char(created_at, 'HH24:MI:SS.MS') as with_millis,
    to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') as iso_micro,
    to_char(created_at, 'FMMonth YYYY') as month_name,
    to_char(created_at, 'Dy DD Mon') as short_names
from events
