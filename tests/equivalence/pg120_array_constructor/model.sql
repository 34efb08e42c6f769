-- the constructor's elements read back in order: columns, expressions, literals, the empty array
-- (NULL elements are left out: ARRAY_TO_STRING renders them as '' where PostgreSQL skips them)
select
    id,
    array_to_string(array[coalesce(code, '?'), coalesce(region, 'none'), 'x'], '-') as joined,
    array_to_string(array[]::text[], '-') as empty_joined
from codes
