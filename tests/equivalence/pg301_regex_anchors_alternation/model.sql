select
    code_id,
    code ~ '^ab|cd$' as starts_ab_or_ends_cd,
    code ~ '^(ab|cd)$' as exactly_ab_or_cd,
    code ~ '^$' as is_empty,
    code !~ 'x|' as never_true,
    code ~* '^(ab|zz)' as starts_ab_any_case
from codes
