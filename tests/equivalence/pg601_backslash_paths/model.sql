-- Windows share paths for the file-drop integration
select
    export_id,
    '\\fileserver\exports\' || lower(owner) || '\' as share_root,
    replace(folder, '/', '\') as windows_folder,
    length('C:\temp\n') as literal_length,
    'line one\
line two' as multi_line_note,
    split_part(replace(folder, '/', '\'), '\', 2) as second_segment
from exports
