select
    customer_id,
    sum({{ amount_col }}) filter (where status = 'paid') as paid,
    count(*) filter (where {{ is_paid('status') }}) as paid_count,
    sum(amount) filter (where created_at > '{{ var("cutoff") }}') as recent
from {{ ref('stg_invoices') }}
group by customer_id
