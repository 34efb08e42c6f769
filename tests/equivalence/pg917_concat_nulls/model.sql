-- Display names and a location label; most people have no middle name.
select
    person_id,
    concat(first_name, ' ', last_name) as display_name,
    concat_ws(' ', first_name, middle_name, last_name) as full_name,
    concat_ws(', ', city, 'UK') as location_label
from people
