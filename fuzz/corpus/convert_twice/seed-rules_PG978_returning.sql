delete from analytics.stale_rows where loaded_at < current_date - 30
returning id
