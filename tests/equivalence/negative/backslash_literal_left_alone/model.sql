-- Windows paths and a regex-like pattern in literals
select
    export_id,
    'C:\temp\new_' || lower(owner) as drop_path,
    length('a\.b') as pattern_length
from exports
