select
    reading_id,
    raw_value::float8 as value,
    raw_value::float8 * 2 as doubled,
    raw_value::float8 < 0 as is_negative,
    raw_value::float8 > 0 as is_positive,
    cast(raw_value as float8) = 0 as is_zero
from readings
order by raw_value::float8 nulls last, reading_id
