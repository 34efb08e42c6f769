-- flags the standard rates; the rate was stored as real upstream
select
    code,
    rate::real = 0.1 as is_ten_percent,
    rate::real in (0.25, 0.5) as is_round_rate
from discounts
