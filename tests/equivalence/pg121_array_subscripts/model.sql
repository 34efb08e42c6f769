-- the first/second/past-the-end element of split strings, and the latest value per group
with parts as (
    select
        person,
        (string_to_array(code, '-'))[1]::text as first_part,
        (string_to_array(code, '-'))[2]::text as second_part,
        (string_to_array(code, '-'))[9]::text as past_end
    from contracts
    where code <> ''
)
select
    p.person,
    min(p.first_part) as first_part,
    min(p.second_part) as second_part,
    min(p.past_end) as past_end,
    (array_agg(c.code order by c.signed desc))[1]::text as latest_code
from parts as p
join contracts as c on c.person = p.person
group by p.person
