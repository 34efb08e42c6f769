-- Marketing channel of each session, from a table of referrer patterns
-- maintained by the marketing team (first matching pattern by priority).
with matches as (

    select
        s.session_id,
        p.channel,
        row_number() over (partition by s.session_id order by p.priority) as match_rank
    from sessions as s
    inner join channel_patterns as p
        on s.referrer ~* p.pattern

)

select
    s.session_id,
    coalesce(m.channel, 'direct') as channel
from sessions as s
left join matches as m
    on m.session_id = s.session_id
   and m.match_rank = 1
