CREATE TABLE structures (
    departement  VARCHAR(3),
    categorie    VARCHAR(20),
    commune      VARCHAR(30),
    actif        BOOLEAN
);
INSERT INTO structures VALUES
    ('75', 'ESAT',  'Paris',   TRUE),
    ('75', 'ESAT',  'Paris',   FALSE),
    ('75', 'EA',    'Paris',   FALSE),
    ('75', NULL,    NULL,      TRUE),
    ('75', NULL,    'Neuilly', TRUE),
    ('75', NULL,    'Neuilly', TRUE),
    ('13', 'EA',    'Marseille', TRUE),
    ('13', 'EA',    'Aix',     NULL),
    ('13', 'ESAT',  'Aix',     TRUE),
    ('13', 'EA',    'Aix',     TRUE),
    ('2A', NULL,    NULL,      FALSE);
