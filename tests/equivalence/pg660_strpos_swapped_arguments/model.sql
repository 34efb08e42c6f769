-- The domain of each address, and where a separator column first occurs:
-- strpos takes the string first, POSITION the substring first.
select
    user_id,
    strpos(email, '@') as at_pos,
    substr(email, strpos(email, '@') + 1) as after_at,
    strpos(email, sep) as sep_pos
from users
order by user_id
