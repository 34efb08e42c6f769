-- Arrays built per order, then one row per element again (duplicates kept).
with grouped as (
    select order_id, array_agg(parcels) as parcel_counts
    from shipments
    group by order_id
)
select
    g.order_id,
    p.parcel_count::integer as parcel_count
from grouped as g,
    unnest(g.parcel_counts) as p (parcel_count)
