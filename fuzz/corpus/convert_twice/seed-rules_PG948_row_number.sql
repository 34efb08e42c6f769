select
    siret,
    row_number() over (partition by siret) as n, -- no order: reported
    ROW_NUMBER() OVER (PARTITION BY siret ORDER BY created_at DESC) AS rn, -- ordered: not reported
    ntile(4) over () as quartile
from {{ ref('structures') }}
