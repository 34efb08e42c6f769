select btrim(siret, ' -') as siret
from {{ ref('structures') }}
