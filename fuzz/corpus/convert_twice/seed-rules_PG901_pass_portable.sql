{{ config(materialized='table', tags=['daily']) }}

-- Portable SQL: nothing here is PostgreSQL-only.
with base as (
    select {{ dbt_utils.star(ref('stg_orders')) }}
    from {{ ref('stg_orders') }}
),
series as (
    select * from my_schema.generate_series(1, 10) -- a user function, qualified
)
select
    b.order_id,
    coalesce(b.amount, 0) as amount,
    nullif(trim(b.label), '') as label,
    lower(b.email) as email,
    round(b.amount / 100.0, 2) as amount_eur,
    left(b.code, 3) as code_prefix,
    substr(b.code, 1, 4) as code_start,
    log(10, b.amount) as magnitude,
    extract(year from b.ordered_at) as order_year,
    date_part('month', b.ordered_at) as order_month,
    regexp_substr(b.code, '[0-9]+') as code_number,
    first_value(b.status) over (partition by b.customer_id order by b.ordered_at) as first_status,
    case when b.amount > 0 then 'paid' else 'free' end as kind,
    b.ordered_at + interval '1 day' as next_day,
    {{ dbt.date_trunc('month', 'b.ordered_at') }} as order_month_start,
    {{ my_macros.concat(['a', 'b']) }} as joined,
    b.status in ('open', 'closed') as is_known,
    b.amount between 1 and 10 as small
from base as b
left join series as s on s.generate_series = b.order_id
where b.email like '%@example.com'
  and b.deleted_at is null
  and b.flag is not distinct from true
order by b.ordered_at
limit 100
