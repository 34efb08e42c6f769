select
    payment_method,
    coalesce(sum(amount) filter (where not is_refunded), 0) as net_amount,
    sum(amount * (1 - discount)) -- gross of tax
        filter (where is_refunded /* refunds only */) as refunded_amount,
    round(avg(amount) filter (where amount > 0)::numeric(12, 2), 2) as avg_positive
from payments
group by payment_method
