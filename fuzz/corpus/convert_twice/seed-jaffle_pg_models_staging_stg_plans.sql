with plans as (

    select * from {{ source('billing', 'plans') }}

)

select
    id as plan_id,
    name as plan_name,
    lower(billing_interval) as billing_interval,
    price_cents / 100.0 as list_price,
    case
        when lower(billing_interval) = 'year' then price_cents / 100.0 / 12
        else price_cents / 100.0
    end as monthly_list_price,
    is_active,
    created_at
from plans
where name is not null
