-- codes with a literal underscore or percent sign
select
    code,
    discount,
    code like 'A\_%' as starts_a_underscore,
    code ilike 'a\_%' as starts_a_underscore_any_case,
    code not like '%\%%' as has_no_percent,
    code like '%\_y\%%' as underscore_y_percent
from promo_codes
