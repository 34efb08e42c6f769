{{ config(materialized='view') }}

-- current state of each subscription (the billing export appends a row per change)
with latest as (

    {{ latest_per_key(ref('stg_subscriptions'), 'subscription_id') }}

),

plans as (

    select * from {{ ref('stg_plans') }}

)

select
    l.subscription_id,
    l.customer_id,
    l.plan_id,
    p.plan_name,
    p.billing_interval,
    l.status,
    l.started_at,
    l.cancelled_at,
    l.monthly_price,
    (l.cancelled_at is null or l.cancelled_at > now()) as is_active
from latest as l
left join plans as p on p.plan_id = l.plan_id
