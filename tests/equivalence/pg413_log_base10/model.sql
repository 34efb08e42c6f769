-- one-argument log is base 10: 1000 → 3, 1 → 0, below 1 → negative, NULL → NULL
select id, log(population) as log_pop, log(area) as log_area, log(2, population) as bits
from communes
