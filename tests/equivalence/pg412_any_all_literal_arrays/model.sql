-- literal arrays with and without NULL elements; NULL operands; the results kept as values, not only filtered
select
    id,
    status = any(array['open', 'pending']) as is_active,
    kind <> all(array[1, 2]) as not_one_two,
    kind <> all(array[1, null]) as not_one_or_null,
    kind = any(array[3, null]) as three_or_null,
    status = any('{closed,OPEN}') as from_literal
from orders
