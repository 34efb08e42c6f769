-- the column was jsonb in PostgreSQL; in Snowflake it was loaded into a VARIANT
create view scores as select player_id, rounds::jsonb as rounds from raw_scores;
