select distinct on (id) id, upper(status) as status
from tickets
order by id, status
