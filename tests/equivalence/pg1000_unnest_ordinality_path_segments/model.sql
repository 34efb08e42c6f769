select
    f.file_id,
    seg.pos,
    seg.name,
    seg.name = '' as is_blank
from files as f
cross join lateral unnest(string_to_array(f.path, '/')) with ordinality as seg (name, pos)
order by f.file_id, seg.pos
