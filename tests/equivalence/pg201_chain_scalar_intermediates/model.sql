with docs as (
    select shipment_id, doc::jsonb as j
    from shipments
)

select
    shipment_id,
    j -> 'customer' -> 'address' ->> 'city' as city,
    (j -> 'qty' ->> 'n')::integer as quantity,
    j -> 'customer' -> 'address' -> 'city' is null as no_city,
    coalesce(j -> 'customer' -> 'address' ->> 'city', 'n/a') as city_or_default
from docs
