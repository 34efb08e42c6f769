-- the column was jsonb in PostgreSQL; in Snowflake it was loaded into a VARIANT
create view profiles as select profile_id, attrs::jsonb as attrs from raw_profiles;
