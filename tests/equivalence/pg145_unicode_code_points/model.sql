select
    id,
    word = U&'d\0061t\+000061' as is_data,
    length(U&'\+01F642\00e9\00C9') as emoji_and_e_length,
    U&'\00e9' = U&'\00E9' as hex_case_insensitive,
    U&'\0044' || word as prefixed
from words
