select
    customer_id,
    percentile_cont(0.5) within group (order by amount) filter (where amount > 0) as median_paid,
    json_agg(payment_id) filter (where is_refunded) as refunded_json,
    string_agg(distinct method, ',' order by method) filter (where amount > 0) as methods
from payments
group by customer_id
