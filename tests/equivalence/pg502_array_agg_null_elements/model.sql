-- Carriers per order. Shipments whose carrier is not known yet are NULL;
-- downstream code counts the array's elements as the number of parcels.
select
    order_id,
    array_agg(carrier) as carriers
from shipments
group by order_id
