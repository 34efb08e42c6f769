-- the billing export appends a new row every time an invoice changes;
-- keep only the latest version of each invoice
with deduped as (

    select distinct on (id)
        *
    from {{ source('billing', 'invoices') }}
    order by id, exported_at desc

)

select
    id::int8 as invoice_id,
    subscription_id::int4 as subscription_id,
    amount_due_cents::numeric / 100 as amount_due,
    amount_paid_cents::numeric / 100 as amount_paid,
    lower(status) as status,
    period_start::timestamptz as period_start,
    period_end::timestamptz as period_end,
    paid_at::timestamptz as paid_at
from deduped
