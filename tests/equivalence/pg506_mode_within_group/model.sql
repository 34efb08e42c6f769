-- The most frequent category and commune per département. NULLs are more
-- frequent than any value in 75 but ignored by both engines; 2A has only
-- NULLs (NULL); the FILTER keeps active structures only (NULL actif is not
-- active). No ties among the values: on a tie the engines may differ (PG506).
select
    departement,
    mode() within group (order by categorie) as main_category,
    MODE() WITHIN GROUP (ORDER BY commune DESC) AS main_commune,
    mode() within group (order by commune) filter (where actif) as main_active_commune
from structures
group by departement
