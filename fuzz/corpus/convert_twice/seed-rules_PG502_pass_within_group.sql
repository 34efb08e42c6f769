select
    customer_id,
    array_size(split(tags, ',')) as tag_count
from customers
