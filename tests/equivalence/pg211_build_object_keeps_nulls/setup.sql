CREATE TABLE structures (
    id      INTEGER,
    nom     VARCHAR(40),
    surface NUMERIC(10,2),
    active  BOOLEAN
);
INSERT INTO structures VALUES
    (1, 'Maison des sources', 120.50, TRUE),
    (2, NULL, 80.00, FALSE),
    (3, 'Atelier', NULL, NULL);
