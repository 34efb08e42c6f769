-- click stream in instant order, with the previous click of the same instant-hour
select
    click_id,
    clicked_at::timestamptz as clicked_at,
    date_trunc('hour', clicked_at::timestamptz) as click_hour,
    row_number() over (order by clicked_at::timestamptz nulls last, click_id) as seq,
    clicked_at::timestamptz = '2024-11-03 05:30:00+00'::timestamptz as at_fall_back_instant
from clicks
order by clicked_at::timestamptz nulls last, click_id
