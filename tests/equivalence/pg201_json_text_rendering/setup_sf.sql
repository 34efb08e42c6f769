-- the column was jsonb in PostgreSQL; in Snowflake it was loaded into a VARIANT
create view orders as select order_id, parse_json(doc) as doc from raw_orders;
