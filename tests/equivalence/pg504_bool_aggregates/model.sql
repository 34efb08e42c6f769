-- Account health: fully paid, ever disputed. NULL flags are unknown and do
-- not count either way; an account without invoices gets NULL flags.
with account_flags as (

    select
        a.account_id,
        a.account_id > 2 as is_new_segment,
        bool_and(i.is_paid) as is_fully_paid,
        every(i.is_paid) as every_invoice_paid,
        bool_or(i.is_disputed) as has_dispute,
        bool_or(i.amount < 0) as has_credit_note
    from accounts as a
    left join invoices as i
        on i.account_id = a.account_id
    group by a.account_id

)

select
    account_id,
    is_fully_paid,
    every_invoice_paid,
    has_dispute,
    has_credit_note,
    bool_or(has_dispute) over (partition by is_new_segment) as segment_has_dispute,
    bool_and(is_fully_paid) over (partition by is_new_segment) as segment_fully_paid
from account_flags
