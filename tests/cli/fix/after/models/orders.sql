-- orders with their customer's latest payment
select
    o.id::integer as order_id,
    o.payload->>'channel' as channel,
    current_timestamp() as loaded_at,
    regexp_instr(o.note, 'gift', 1, 1, 0, 's') > 0 as is_gift
from {{ ref('stg_orders') }} as o
cross join (select value::integer as n from table(flatten(input => array_generate_range(1, 3 + 1)))) as g(n)
