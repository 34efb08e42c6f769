with source as (

    select * from {{ source('shop', 'customers') }}

),

renamed as (

    select
        id::int4 as customer_id,
        trim(first_name) as first_name,
        trim(last_name) as last_name,
        trim(first_name) || ' ' || trim(last_name) as full_name,
        lower(email) as email,
        profile->'address'->>'city' as city,
        profile->'address'->>'country' as country_code,
        profile->>'referral_source' as referral_source,
        created_at::timestamptz as created_at,
        updated_at
    from source

)

select *
from renamed
-- drop internal / QA accounts (the app never validated emails before 2019)
where email ~ '@'
  and email !~* '@(example|test)\.com$'
  and not (first_name ~* '^test')
