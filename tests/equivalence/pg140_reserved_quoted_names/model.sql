select id, "rows" * 2 as doubled, "order"
from imports
where "rows" is not null or "order" is not null
