-- product tags: the loader stored the array in PostgreSQL's text form
select
    product_id,
    array_to_string(tags_text::text[], ',') as tags
from products
