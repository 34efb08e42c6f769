CREATE TABLE saisies (
    saisie_id INTEGER,
    annee     VARCHAR(4),
    mois      VARCHAR(2),
    heure     INTEGER
);
INSERT INTO saisies VALUES
    (1, '2024', '02', 0),
    (2, '2023', '12', 23),
    (3, '1999', '1', 12),
    (4, NULL, '05', NULL);
