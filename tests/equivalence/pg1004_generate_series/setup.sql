CREATE TABLE contrats (
    contrat_id INTEGER,
    debut      DATE,
    fin        DATE,
    nb         INTEGER
);
INSERT INTO contrats VALUES
    (1, '2024-01-01', '2024-03-15', 3),
    (2, '2024-02-01', '2024-02-01', 1),
    (3, '2024-05-01', '2024-03-01', 0),
    (4, '2024-06-01', NULL, NULL);
