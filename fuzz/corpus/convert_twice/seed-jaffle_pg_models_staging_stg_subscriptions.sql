with subscriptions as (

    select * from {{ source('billing', 'subscriptions') }}

)

select
    id::int4 as subscription_id,
    customer_id::int4 as customer_id,
    plan_id::int4 as plan_id,
    lower(status) as status,
    started_at::timestamp as started_at,
    cancelled_at::timestamp as cancelled_at,
    cast(monthly_price_cents as numeric) / 100 as monthly_price,
    trial_days::int2 as trial_days,
    updated_at
from subscriptions
where started_at is not null
