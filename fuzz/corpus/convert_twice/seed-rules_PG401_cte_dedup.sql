-- keep only the latest version of each invoice
with deduped as (

    select distinct on (id)
        *
    from {{ source('billing', 'invoices') }}
    order by id, exported_at desc

)

select id, amount_due_cents / 100 as amount_due
from deduped
