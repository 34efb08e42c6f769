select
    email ~ '^[\w.+-]+@' as bracket_escape,
    note ~ '^$' as empty_only,
    note ~ 'x'::text as cast_pattern
from notes
