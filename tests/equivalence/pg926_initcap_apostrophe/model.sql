-- Customer names and streets in title case for mailing labels.
select
    customer_id,
    initcap(last_name) as last_name,
    initcap(street) as street
from customers
