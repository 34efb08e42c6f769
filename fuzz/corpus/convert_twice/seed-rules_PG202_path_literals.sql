select
    payload #>> '{device,os}' as device_os,
    payload #> '{cart,items}' as cart_items,
    payload #> '{items,0}' as first_item,
    payload#>>'{items, 0, sku}' as first_sku,
    (a || b) #> '{k}' as wrapped
from {{ ref('events') }}
