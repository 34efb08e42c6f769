select c.relname
from pg_catalog.pg_class as c
where c.relkind = 'r'
