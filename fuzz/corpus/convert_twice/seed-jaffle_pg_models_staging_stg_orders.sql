{{ config(materialized='view') }}

with orders as (

    select * from {{ source('shop', 'orders') }}

)

select
    id::int8 as order_id,
    customer_id::int4 as customer_id,
    ordered_at::timestamptz as ordered_at,
    updated_at::timestamptz as updated_at,
    -- status moved into the checkout payload in 2022; fall back to the old column
    coalesce(payload->>'status', status) as status,
    payload->>'channel' as channel,
    payload->'address'->>'city' as ship_city,
    payload #>> '{shipping,zip}' as ship_zip,
    payload #>> '{shipping,method}' as ship_method,
    payload #> '{items,0}' as first_item,
    coalesce(payload->'discount', '{"type": "none", "amount": 0}'::jsonb) as discount,
    raw_payload::jsonb as legacy_payload,
    coalesce(payload->>'coupon_code', '') ~* '^staff' as is_staff_order
from orders
where id is not null
  and ordered_at >= '{{ var("start_date") }}'
