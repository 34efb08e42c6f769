select
    order_id,
    string_agg(distinct payment_method, ',') filter (where amount > 0) as methods,
    array_agg(payment_id) filter (where is_refunded) as refunded_payments,
    bool_or(is_refunded) filter (where amount > 0) as has_paid_refund,
    bool_and(is_refunded) filter (where amount > 0) as all_paid_refunded,
    sum(amount) filter (where is_refunded) over (partition by customer_id) as customer_refunds
from payments
group by order_id, customer_id, amount
