select
    id,
    json_array_element_text(source::json, 0) as first_source,
    jsonb_extract_path_text(doc::jsonb, 'device', 'os') as device_os,
    jsonb_array_length(jsonb_extract_path(doc::jsonb, 'items')) as n_items
from contacts
