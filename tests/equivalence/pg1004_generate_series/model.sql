select
    contrat_id,
    generate_series(date_trunc('month', debut)::date, fin, '1 month'::interval)::date as mois,
    n.n
from contrats
cross join generate_series(1, 2) as n
