-- stg_payments: the raw feed arrives as text; amounts are whole dollars downstream
with typed as (
    select
        payment_id::int4 as payment_id,
        order_ref::int4 as order_id,
        amount::int4 as amount_dollars,       -- numeric -> integer rounds half away from zero
        attempts::int2 as attempts,
        ledger_ref::int8 as ledger_id
    from raw_payments
)

select
    payment_id,
    order_id,
    amount_dollars,
    attempts,
    ledger_id,
    ledger_id + 1 as next_ledger_id,
    coalesce(attempts, 0)::int8 * 2 as retry_budget
from typed
