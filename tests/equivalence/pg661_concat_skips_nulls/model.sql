-- Labels built from optional columns: PostgreSQL's concat skips the NULLs.
select
    person_id,
    concat(first_name, ' ', last_name) as full_name,
    concat('D', dept_code, '-', score) as code,
    concat(born_on, null, '/', dept_code + 1) as born_label,
    concat(last_name) as only_last
from people
order by person_id
