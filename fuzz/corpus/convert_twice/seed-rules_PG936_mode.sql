select departement, mode() within group (order by categorie) as main_category
from {{ ref('structures') }}
group by 1
