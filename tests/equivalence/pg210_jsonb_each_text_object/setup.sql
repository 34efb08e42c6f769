CREATE TABLE accompagnements (
    id      INTEGER,
    freins  VARCHAR(200)
);
INSERT INTO accompagnements VALUES
    (1, '{"logement": "fort", "sante": "faible"}'),
    (2, '{}'),
    (3, NULL),
    (4, '{"mobilite": "Moyen"}');
