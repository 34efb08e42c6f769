select
    customer_id,
    bool_or(channel = 'app') as has_used_app,
    bool_and(is_fully_paid) as always_paid_in_full,
    every(status = 'completed') as all_completed,
    BOOL_OR(is_refunded) AS HAS_REFUND,
    Bool_And(is_gift) as all_gifts
from {{ ref('stg_orders') }}
group by customer_id
