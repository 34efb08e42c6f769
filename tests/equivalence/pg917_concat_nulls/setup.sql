CREATE TABLE people (
    person_id   INTEGER,
    first_name  VARCHAR(30),
    middle_name VARCHAR(30),
    last_name   VARCHAR(30),
    city        VARCHAR(30)
);
INSERT INTO people VALUES
    (1, 'Ada',   'King', 'Lovelace', 'London'),
    (2, 'Grace', NULL,   'Hopper',   'New York'),
    (3, 'Alan',  NULL,   NULL,       NULL),
    (4, NULL,    NULL,   NULL,       NULL);
