{# one row per order, one amount column per payment method #}
with payments as (

    select * from {{ ref('stg_payments') }}

)

select
    order_id,
    sum(amount) filter (where not is_refunded) as net_amount,
    sum(amount) filter (where is_refunded) as refunded_amount,
    string_agg(distinct payment_method, ',') as payment_methods_used,
    bool_or(is_refunded) as has_refund,
    bool_and(is_refunded) as fully_refunded,
    {% for m in ['card','cash','gift'] %}
    sum(case when payment_method = '{{ m }}' then amount end) as {{ m }}_amount{% if not loop.last %},{% endif %}
    {% endfor %}
from payments
group by order_id
