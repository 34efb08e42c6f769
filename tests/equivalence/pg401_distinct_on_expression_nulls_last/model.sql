-- each buyer's biggest purchase (emails arrive in any case)
select distinct on (lower(email))
    lower(email) as buyer,
    purchase_id,
    amount
from purchases
order by lower(email) nulls first, amount desc nulls last, purchase_id
