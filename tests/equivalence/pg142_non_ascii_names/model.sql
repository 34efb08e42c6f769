select Code_Région, sum(montant) as total_réglé
from paiements
group by code_région
