select id,
       replace(replace(label, E'\n', ' / '), E'\t', ' ') as flat,
       position(E'\n' in label) as newline_at,
       E'it\'s' as quote,
       E'C:\\temp\\' as path,
       E'\x41\101\u00e9' as escapes,
       code like E'A\\_%' as literal_underscore
from offres
