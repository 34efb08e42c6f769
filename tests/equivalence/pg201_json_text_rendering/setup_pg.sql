-- the column was jsonb in PostgreSQL; in Snowflake it was loaded into a VARIANT
create view orders as select order_id, doc::jsonb as doc from raw_orders;
