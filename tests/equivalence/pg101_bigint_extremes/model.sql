-- balances in the smallest unit; the feed sends every number as text
select
    account,
    sum(units_text::int8) as total_units,
    min(units_text::int8) as smallest_entry,
    max(units_text::int8) as largest_entry,
    sum(small_text::int4) as small_total,
    count(cast(units_text as int8)) as entries
from ledger_raw
group by account
order by account
