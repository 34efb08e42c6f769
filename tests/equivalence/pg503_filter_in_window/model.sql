-- Every transaction with its account's debit totals and a running count of
-- debits (ties on the booking date count together, as RANGE frames do).
select
    txn_id,
    account_id,
    sum(amount) filter (where kind = 'debit') over (partition by account_id) as account_debits,
    count(*) filter (where kind = 'debit') over (partition by account_id order by booked_on) as debits_so_far,
    max(amount) filter (where kind <> 'debit') over (partition by account_id) as largest_other
from transactions
