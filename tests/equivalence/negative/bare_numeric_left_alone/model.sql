-- invoice totals in dollars; quantities and rates arrive as text with decimals
select
    invoice_id,
    round(sum(price_cents::numeric / 100), 2) as gross_dollars,
    sum(quantity_text::numeric) as total_quantity,
    round(sum(price_cents * cast(quantity_text as decimal) * fx_rate::numeric) / 100, 4) as converted_dollars,
    max(fx_rate::numeric) as max_rate
from invoice_lines
group by invoice_id
