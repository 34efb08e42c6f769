select
    note ~ '\yurgent\y' as word,
    note ~* '^(?:re|fwd):' as reply,
    note ~ 'a.*?b' as lazy,
    note ~ '(\w)\1' as doubled,
    note ~ 'foo(?=bar)' as ahead,
    note ~ '[[:<:]]sale[[:>:]]' as sale
from notes
