select
    id,
    email ~ '@' as has_at,
    name ~* '^test' as is_test,
    coalesce(user_agent, '') !~* '(bot|crawler|spider)' as is_human,
    upper(sku) !~ '^[A-Z]{3}-\d+$' as has_legacy_sku
from {{ ref('stg_customers') }}
where email ~ '@'
  and email !~* '@(example|test)\.com$'
  and not (first_name ~* '^test')
