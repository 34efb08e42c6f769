{{ config(materialized='table') }}

with months as (

    select * from {{ ref('int_subscription_months') }}

),

plans as (

    select * from {{ ref('stg_plans') }}

)

select
    m.month_start,
    count(distinct m.subscription_id) as active_subscriptions,
    count(distinct m.customer_id) as active_customers,
    sum(m.monthly_price) as mrr,
    sum(m.monthly_price) filter (where p.billing_interval = 'year') as mrr_annual_plans,
    sum(m.monthly_price) filter (where p.billing_interval = 'month') as mrr_monthly_plans,
    (sum(m.monthly_price) / nullif(count(distinct m.customer_id), 0))::float8 as arpu,
    cast(sum(m.monthly_price) * 12 as numeric) as arr
from months as m
left join plans as p on p.plan_id = m.plan_id
where m.month_start >= '{{ var("start_date") }}'
group by m.month_start
