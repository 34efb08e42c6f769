CREATE TABLE codes (
    code_id INTEGER,
    code    VARCHAR(30),
    pos     INTEGER
);
INSERT INTO codes VALUES
    (1, 'ABCDEF', 1),
    (2, 'ABCDEF', 0),
    (3, 'ABCDEF', -2),
    (4, 'ABCDEF', 4),
    (5, NULL,     0),
    (6, '',       0),
    (7, 'XY',     NULL);
