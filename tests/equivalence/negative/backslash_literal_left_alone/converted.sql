-- WRONG on purpose: the literals keep their backslashes, which Snowflake reads as escapes
-- ('\t' is a tab, '\n' a newline, '\.' silently becomes '.')
select
    export_id,
    'C:\temp\new_' || lower(owner) as drop_path,
    length('a\.b') as pattern_length
from exports
