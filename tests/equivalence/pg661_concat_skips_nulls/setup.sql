CREATE TABLE people (
    person_id   INTEGER,
    first_name  VARCHAR,
    last_name   VARCHAR,
    dept_code   INTEGER,
    score       NUMERIC(6,2),
    born_on     DATE
);
INSERT INTO people VALUES
    (1, 'Ada', 'Lovelace', 7, 12.50, '1815-12-10'),
    (2, NULL, 'Hopper', 12, NULL, '1906-12-09'),
    (3, 'Grace', NULL, NULL, -3.25, NULL),
    (4, NULL, NULL, NULL, NULL, NULL),
    (5, '', 'Empty', 0, 0.00, '2000-02-29');
