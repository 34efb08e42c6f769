select make_date(annee, mois, 1) as first_day
from {{ ref('stats_mensuelles') }}
