select format('%s-%s', departement, commune) as code, quote_ident(col_name) as quoted
from {{ ref('communes') }}
