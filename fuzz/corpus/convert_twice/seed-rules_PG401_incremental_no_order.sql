select distinct on (id)
    id,
    payload
from {{ source('shop', 'events') }}
{% if is_incremental() %}
where received_at > (select max(received_at) from {{ this }})
{% endif %}
