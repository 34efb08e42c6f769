-- ad-hoc: monthly cohort retention.
-- `dbt compile` this and paste the result into the BI tool.
with cohorts as (

    select
        customer_id,
        date_trunc('month', first_order_at)::date as cohort_month
    from {{ ref('dim_customers') }}
    where first_order_at is not null

),

activity as (

    select distinct
        customer_id,
        date_trunc('month', ordered_at)::date as active_month
    from {{ ref('fct_orders') }}

)

select
    c.cohort_month,
    ((extract(year from a.active_month) - extract(year from c.cohort_month)) * 12
        + (extract(month from a.active_month) - extract(month from c.cohort_month)))::int4 as months_since_first_order,
    count(distinct a.customer_id) as active_customers
from cohorts as c
join activity as a on a.customer_id = c.customer_id
group by 1, 2
order by 1, 2
