CREATE TABLE events (
    id   INTEGER,
    doc  VARCHAR(100)
);
INSERT INTO events VALUES
    (1, '{"items": [1, 2]}'),
    (2, '[1, "a"]'),
    (3, '"text"'),
    (4, '42'),
    (5, '1.5'),
    (6, 'true'),
    (7, 'null'),
    (8, NULL);
