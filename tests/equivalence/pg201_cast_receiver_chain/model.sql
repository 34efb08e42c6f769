select
    shipment_id,
    doc::jsonb -> 'customer' -> 'address' ->> 'city' as city,
    doc::jsonb -> 'customer' -> 0 -> 'address' ->> 'city' as first_city,
    (doc::jsonb -> 'qty' ->> 'n')::integer as quantity,
    doc::jsonb -> 'customer' -> 'address' -> 'city' is null as no_city
from shipments
