select
    id::int4 as order_id, -- noqa: PG101
    now() as loaded_at, -- noqa
    note ~ 'gift' as is_gift, -- noqa: PG1
    amount::float8 as amount -- noqa: PG102
from {{ ref('stg_orders') }}
