select
    adj_id,
    region,
    round(amount_text::numeric) as whole_amount,
    round(amount_text::numeric, 2) as cents,
    sum(amount_text::numeric) over (partition by region) as region_total,
    round(avg(cast(amount_text as numeric)) over (partition by region), 4) as region_average
from adjustments
