select distinct id, name from t order by id
