-- The corpus shape: one object per row, aggregated per company in a fixed order.
select
    siret,
    jsonb_agg(json_build_object('readable_id', readable_id, 'quantity', quantity) order by readable_id) as bs_data_json
from bs_data
group by siret
