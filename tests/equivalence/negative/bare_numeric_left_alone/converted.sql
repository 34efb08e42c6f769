-- WRONG on purpose: bare NUMBER is NUMBER(38,0) in Snowflake and rounds 1.5 to 2
-- invoice totals in dollars; quantities and rates arrive as text with decimals
select
    invoice_id,
    round(sum(price_cents::number / 100), 2) as gross_dollars,
    sum(quantity_text::number) as total_quantity,
    round(sum(price_cents * cast(quantity_text as number) * fx_rate::number) / 100, 4) as converted_dollars,
    max(fx_rate::number) as max_rate
from invoice_lines
group by invoice_id
