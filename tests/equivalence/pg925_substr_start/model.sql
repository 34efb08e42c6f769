-- Three characters of a code around a position computed upstream, which
-- can be 0 or negative when the marker was missing.
select
    code_id,
    substr(code, pos, 3) as window_at_pos,
    substr(code, pos - 1, 3) as window_before_pos,
    substr(code, 2) as without_first_char
from codes
