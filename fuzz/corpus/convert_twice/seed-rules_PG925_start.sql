select
    substr(code, pos - 1, 3) as around,
    substring(code, 0, 3) as two_chars,
    substr(code, 1, 3) as prefix -- start 1: not reported
from {{ ref('codes') }}
