CREATE TABLE companies (
    id     INTEGER,
    agr1   VARCHAR(20),
    agr2   VARCHAR(20),
    n      INTEGER
);
INSERT INTO companies VALUES
    (1, 'eco1', 'eco2', 2),
    (2, 'eco3', NULL, 1),
    (3, NULL, NULL, 0),
    (4, NULL, NULL, NULL);
