select
    amount_due_cents::numeric / 100 as amount_due,
    round(price_cents::numeric / 100, 2) as price,
    cast(weight as DECIMAL) as weight,
    (unit_price_cents * quantity)::numeric /* exact */ / 100 as line_total
from {{ ref('stg_invoices') }}
