-- Data-quality flags on users; several regex tests sit inside larger
-- boolean and string expressions.
select
    user_id,
    first_name || ' ' || last_name ~* 'smith' as full_name_has_smith,
    not email ~ '@' as email_missing_at,
    email ~ '@' = is_verified as verification_consistent,
    email ~* 'acme' and not last_name ~ '^[A-Z]+$' as acme_with_normal_name,
    case when email ~ '@' then 'email' when email !~ '@' then 'handle' else 'none' end as contact_kind,
    coalesce(email ~ '[.]com$', false) as is_dot_com
from users
