-- split emails into user / domain so marketing can spot company accounts
with customers as (

    select customer_id, email from {{ ref('stg_customers') }}

)

select
    c.customer_id,
    c.email,
    m.parts[1] as email_user,
    lower(m.parts[2]) as email_domain,
    lower(m.parts[2]) in ('gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com') as is_free_mail
from customers as c
cross join regexp_matches(c.email, '^([^@]+)@(.+)$') as m(parts)
