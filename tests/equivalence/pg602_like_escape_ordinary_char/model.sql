-- a pattern with a backslash before an ordinary character: PostgreSQL matches the character
select
    label,
    label like 'a\b%' as starts_ab
from labels
