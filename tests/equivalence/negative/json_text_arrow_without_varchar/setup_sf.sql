-- the column was jsonb in PostgreSQL; in Snowflake it was loaded into a VARIANT
create view events as select event_id, parse_json(payload) as payload from raw_events;
