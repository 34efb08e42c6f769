select
    id,
    replace(label, E'\r\n', E'\n') as unix_label,
    split_part(label, E'\n', 2) as second_line,
    label like E'%\t%' as has_tab,
    label = E'it\'s' as is_its,
    label = E'back\\slash' as is_backslash
from notes
