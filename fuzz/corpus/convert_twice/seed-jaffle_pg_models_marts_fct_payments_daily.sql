{{ config(materialized='table') }}

with payments as (

    select * from {{ ref('stg_payments') }}

)

select
    date_trunc('day', paid_at) as payment_date,
    payment_method,
    count(*) as payment_count,
    sum(amount) as gross_amount,
    sum(case when is_refunded then amount else 0 end) as refunded_amount,
    sum(case when is_refunded then 0 else amount end) as net_amount,
    avg(amount) as avg_payment_amount
from payments
group by 1, 2
