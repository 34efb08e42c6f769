select
    person_id,
    array_to_string(array[first_name, middle_name, last_name], ' ') as full_name,
    array_to_string(array[last_name, first_name], ', ') as sort_name
from people
