select
    regexp_replace(telephone, '[^0-9]', '') as first_fixed,
    regexp_replace(telephone, '[^0-9]', '', 'g') as all_fixed,
    REGEXP_REPLACE(LOWER(label), '\s+', ' ') as spaced
from {{ source('raw', 'contacts') }}
