{# payments are stored in cents in the app database #}
with payments as (

    select * from {{ source('shop', 'payments') }}

)

select
    id::int8 as payment_id,
    order_id::int8 as order_id,
    lower(payment_method) as payment_method,
    {{ cents_to_dollars('amount_cents') }} as amount,
    -- float copy for the data science feature export
    amount_cents::float8 / 100 as amount_float,
    coalesce(is_refunded, false) as is_refunded,
    created_at::timestamptz as paid_at
from payments
where status <> 'failed'
