-- stg_shipments
select
    shipment_id,
    info #>> '{address,city}' as city,
    info #>> '{address,zip}' as zip,
    info #> '{address,lines}' as address_lines,
    info #>> '{address,lines,0}' as first_line,
    info #> '{address}' as address
from shipments
