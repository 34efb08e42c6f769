-- the column was jsonb in PostgreSQL; in Snowflake it was loaded into a VARIANT
create view scores as select player_id, parse_json(rounds) as rounds from raw_scores;
