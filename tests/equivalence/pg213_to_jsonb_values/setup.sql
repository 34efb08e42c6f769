CREATE TABLE services (
    id     INTEGER,
    label  VARCHAR(40),
    price  NUMERIC(8,2),
    free   BOOLEAN
);
INSERT INTO services VALUES
    (1, 'Accueil', 0.00, TRUE),
    (2, NULL, 12.50, FALSE),
    (3, 'Conseil', NULL, NULL);
