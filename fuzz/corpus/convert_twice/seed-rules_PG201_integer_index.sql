-- json arrays are 0-based in both systems: the index is kept as written
select
    tags->0 as first_tag,
    tags->1 as second_tag,
    tags->>2 as third_tag
from t
