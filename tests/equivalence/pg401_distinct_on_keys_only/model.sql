-- Deduplicate a raw feed loaded several times: the rows of one customer are
-- copies, so any of them will do.
select distinct on (customer_id, email)
    customer_id,
    email,
    country
from raw_customer_events
order by customer_id, email
