select
    label_id,
    regexp_replace(label, '-', '') as first_dash_removed,
    regexp_replace(label, '-', '', 'g') as all_dashes_removed,
    regexp_replace(label, 'ab', '_', 'i') as first_ab_any_case,
    regexp_replace(label, 'ab', '_', 'gi') as all_ab_any_case,
    regexp_replace(label, 'x.y', 'XY') as dot_crosses_newline,
    regexp_replace(label, '(\w+) (\w+)', '\2, \1') as swapped,
    REGEXP_REPLACE(label, '[^a-z]', '*', 'g') as non_letters
from labels
