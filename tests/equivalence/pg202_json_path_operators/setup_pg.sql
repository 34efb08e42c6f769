-- the column was jsonb in PostgreSQL; in Snowflake it was loaded into a VARIANT
create view shipments as select shipment_id, info::jsonb as info from raw_shipments;
