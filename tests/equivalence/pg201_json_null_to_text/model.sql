-- nickname is JSON null for users who cleared it
select
    profile_id,
    attrs->>'nickname' as nickname,
    attrs->>'nickname' is null as has_no_nickname
from profiles
