select
    case when jsonb_typeof(payload -> 'items') = 'array'
         then jsonb_array_length(payload -> 'items') end as n_items
from {{ ref('events') }}
