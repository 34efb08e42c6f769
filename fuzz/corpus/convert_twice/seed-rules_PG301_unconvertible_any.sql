select *
from pages
where url ~* any(array['^/admin', '^/internal'])
