select distinct on (id) id, v from a
union all
select id, v from b
