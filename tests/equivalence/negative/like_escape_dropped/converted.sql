-- WRONG on purpose: the backslashes are kept (dollar-quoted) but the ESCAPE clause is missing,
-- so in Snowflake '\' is an ordinary character and '_' a wildcard again
select
    code,
    discount,
    code like $$A\_%$$ as starts_a_underscore,
    code ilike $$a\_%$$ as starts_a_underscore_any_case,
    code not like $$%\%%$$ as has_no_percent,
    code like $$%\_y\%%$$ as underscore_y_percent
from promo_codes
