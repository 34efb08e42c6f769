CREATE TABLE services (
    id           INTEGER,
    thematiques  VARCHAR(100)
);
INSERT INTO services VALUES
    (1, '["sante", "logement"]'),
    (2, '[]'),
    (3, NULL);
