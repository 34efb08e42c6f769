-- Postcode checks: five digits, any whitespace, a literal dot.
select
    id,
    raw_code ~ '^\d{5}$' as is_five_digits,
    raw_code ~ '\s' as has_whitespace,
    raw_code ~ '\.' as has_dot,
    raw_code !~ '\w' as has_no_word_char
from postcodes
