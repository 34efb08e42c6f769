-- Monthly revenue with a text label of the month (used as a join key by a
-- spreadsheet export).
select
    date_trunc('month', order_date) as order_month,
    cast(date_trunc('month', order_date) as varchar) as order_month_label,
    sum(amount) as revenue
from orders
group by 1, 2
