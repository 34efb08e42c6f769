select
    log(population) as log_pop,
    log(2, n) as bits -- two arguments: same in Snowflake
from {{ ref('communes') }}
