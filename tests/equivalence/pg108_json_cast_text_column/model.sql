-- stg_signups: the properties column is JSON stored as text
select
    signup_id,
    properties::jsonb ->> 'plan' as plan,
    properties::jsonb ->> 'Plan' as plan_mixed_case_key,
    (properties::jsonb ->> 'seats')::int as seats,
    cast(properties as json) -> 'address' as address,
    properties::jsonb -> 'tags' -> 1 as second_tag
from raw_signups
