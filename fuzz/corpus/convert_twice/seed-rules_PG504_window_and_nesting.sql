select
    order_id,
    coalesce(bool_or /* any */ (is_refunded) over (partition by customer_id), false) as customer_has_refund,
    bool_or(is_refunded) over (partition by customer_id order by ordered_at) as refunded_so_far,
    case when bool_and(not {{ is_test('channel') }}) then 'real' end as kind
from {{ ref('stg_orders') }}
group by order_id, customer_id, is_refunded, ordered_at
