CREATE TABLE people (
    person_id   INTEGER,
    first_name  VARCHAR(30),
    middle_name VARCHAR(30),
    last_name   VARCHAR(30)
);
INSERT INTO people VALUES
    (1, 'Ada', 'King', 'Lovelace'),
    (2, 'Grace', NULL, 'Hopper'),
    (3, NULL, NULL, 'Turing'),
    (4, 'Edsger', '', 'Dijkstra');
