select
    acc_id,
    substring(acc_key from '^(?:acc_dif_nb_sal_conc|acc_dif_nb_sal_int|acc_dif_nb_sal_ext)_(.*)$') as type_frein,
    substring(acc_key from '[0-9]+') as first_number,
    SUBSTRING(acc_key FROM 'nb_(s[a-z]+)_') as after_nb
from accompagnements
