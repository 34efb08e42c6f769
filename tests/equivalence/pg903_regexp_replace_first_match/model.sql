-- Normalised phone numbers and SKUs. The author meant "remove every
-- non-digit", but without the 'g' flag PostgreSQL removes only the first.
select
    contact_id,
    regexp_replace(phone, '[^0-9]', '') as phone_digits,
    regexp_replace(sku, '-', '') as sku_compact
from contacts
