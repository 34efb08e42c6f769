-- Ranking functions over windows without ORDER BY. rank, dense_rank,
-- percent_rank and cume_dist see every row of a partition as a peer; the
-- numbers row_number and ntile give depend on an arbitrary order, so only
-- what does not depend on it is compared: per district, the set of numbers
-- (count, sum, min, max) and the bucket sizes.
with ranked as (
    select
        district,
        row_number() over (partition by district) as rn,
        ROW_NUMBER() OVER () AS global_id,
        ntile(2) over (partition by district) as half,
        rank() over (partition by district) as rnk,
        dense_rank() over () as drnk,
        percent_rank() over (partition by district) as prnk,
        cume_dist() over (partition by district) as cd
    from waterbodies
)
select
    district,
    count(*) as n,
    sum(rn) as sum_rn,
    max(rn) as max_rn,
    sum(half) as sum_half,
    max(global_id) <= 6 as global_id_in_range,
    min(rnk) as min_rank,
    max(rnk) as max_rank,
    max(drnk) as max_dense_rank,
    max(prnk) as max_percent_rank,
    min(cd) as min_cume_dist
from ranked
group by district
