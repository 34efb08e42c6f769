select * from (select distinct on (a) a, b from t order by a) s
