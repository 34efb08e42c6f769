-- customer badges, as a display string
select
    customer_id,
    case
        when is_vip then array_to_string('{gold,priority}'::text[], ' | ')
        else array_to_string('{}'::text[], ' | ')
    end as badges,
    array_to_string(cast('{1,2,3}' as int[]), ',') as tiers,
    region
from customers
