(select distinct on (id) id, v from a order by id, v desc)
union all
(select id, v from b)
