select
    saisie_id,
    make_date(cast(annee as integer), cast(mois as integer), 1) as date_saisie,
    make_date(cast(annee as integer), cast(mois as integer), 28) as day_28,
    make_timestamp(cast(annee as integer), cast(mois as integer), 1, heure, 30, 0) as stamp
from saisies
