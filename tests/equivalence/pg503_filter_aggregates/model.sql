-- Payment facts per customer. Failed payments, refunds and payments with an
-- unknown status are filtered per measure; a customer with no qualifying
-- payment gets 0 counts and NULL sums.
select
    customer_id,
    count(*) filter (where status = 'success') as successful_payments,
    count(amount) filter (where method = 'card') as card_payments_with_amount,
    count(distinct method) filter (where status = 'success') as methods_used,
    sum(amount) filter (where status = 'success') as gross_amount,
    sum(amount) filter (where status = 'success' and not is_refunded) as net_amount,
    avg(amount) filter (where method = 'card') as avg_card_amount,
    min(amount) filter (where is_refunded) as largest_refund,
    max(amount) filter (where status <> 'failed') as largest_success
from payments
group by customer_id
