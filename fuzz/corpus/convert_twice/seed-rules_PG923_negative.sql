select
    left(code, -2) as without_suffix,
    right(code, n) as tail,
    left(code, 2) as prefix -- literal length: not reported
from {{ ref('codes') }}
