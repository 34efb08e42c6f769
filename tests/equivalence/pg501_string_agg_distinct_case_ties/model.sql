select
    item_id,
    string_agg(distinct lower(label), '|' order by lower(label)) as distinct_labels,
    string_agg(label, ',' order by score desc, label) as by_score,
    string_agg(label, '
' order by label desc) as one_per_line,
    count(label) as labelled
from labels
group by item_id
order by item_id
