select
    code_id,
    btrim(code) as trimmed_spaces,
    btrim(code, ' -') as trimmed_set,
    BTRIM(code, '-') as trimmed_dashes
from codes
