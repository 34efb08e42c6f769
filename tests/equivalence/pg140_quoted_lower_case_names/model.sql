with "paid_orders" as (
    select o."user_id", o."amount"
    from orders as "o"
    where "status" = 'paid'
)
select "user_id", sum("amount") as "total_amount", count(*) as "nb"
from "paid_orders"
group by "user_id"
