-- log lines that mention a Windows path
select
    line_id,
    position('\' in message) > 0 as has_backslash,
    replace(message, '\t', ' ') as without_tab_escape,
    message = 'tab\tliteral' as is_tab_line
from log_lines
