CREATE TABLE accompagnements (
    acc_id INTEGER,
    acc_key VARCHAR(60)
);
INSERT INTO accompagnements VALUES
    (1, 'acc_dif_nb_sal_conc_mobilite'),
    (2, 'acc_dif_nb_sal_int_logement'),
    (3, 'acc_dif_nb_sal_ext_sante'),
    (4, 'other_key'),
    (5, 'acc_dif_nb_sal_conc_a
b'),
    (6, 'code 123 and 45'),
    (7, ''),
    (8, NULL);
