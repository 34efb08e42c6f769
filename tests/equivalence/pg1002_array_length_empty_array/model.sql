-- n = 0 gives an empty array (array_length NULL, cardinality 0), n NULL a NULL array.
select
    id,
    array_length(case when n = 0 then '{}'::text[] when n > 0 then array[agr1, agr2] end, 1) as len,
    case
        when array_length(case when n = 0 then '{}'::text[] when n > 0 then array[agr1, agr2] end, 1) != 0 then 1
        else 0
    end as has_agreement,
    cardinality(case when n = 0 then '{}'::text[] when n > 0 then array[agr1] end) as card
from companies
