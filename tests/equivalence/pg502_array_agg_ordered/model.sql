-- Click path per session: pages in the order viewed, the distinct pages
-- seen, and dwell times from the longest down.
select
    session_id,
    array_agg(page order by viewed_at) as click_path,
    array_agg(distinct page order by page) as pages_seen,
    array_agg(dwell_ms order by dwell_ms desc) as dwell_times
from page_views
group by session_id
