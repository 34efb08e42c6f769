select
    order_id,
    now() as report_generated_at,
    NOW() AS LOADED_AT,
    date_trunc('month', coalesce(cancelled_at, now()::timestamp)) as end_month,
    (cancelled_at is null or cancelled_at > now( /* clock */ )) as is_active
from {{ ref('stg_orders') }}
where ordered_at > now() - interval '30 days'
