CREATE TABLE etablissements (
    etab_id  INTEGER,
    siret    VARCHAR,
    nom      VARCHAR
);
INSERT INTO etablissements VALUES
    (1, '12345678901234', 'Émile Zola'),
    (2, '1234567890123', 'Ωmega çà'),
    (3, NULL, ''),
    (4, '1234567890123Ü', NULL);
