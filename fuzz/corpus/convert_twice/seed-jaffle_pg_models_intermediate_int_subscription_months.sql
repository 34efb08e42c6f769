{{ config(materialized='table') }}

-- one row per subscription per billed month; feeds the MRR model
with subscriptions as (

    select * from {{ ref('int_subscriptions_current') }}

)

select
    s.subscription_id,
    s.customer_id,
    s.plan_id,
    m.month_start::date as month_start,
    s.monthly_price
from subscriptions as s
cross join generate_series(
    date_trunc('month', s.started_at),
    date_trunc('month', coalesce(s.cancelled_at, now()::timestamp)),
    interval '1 month'
) as m(month_start)
where m.month_start >= '{{ var("start_date") }}'::timestamp
