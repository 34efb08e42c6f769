CREATE TABLE codes (
    code_id INTEGER,
    code    VARCHAR(30)
);
INSERT INTO codes VALUES
    (1, '  AB-12  '),
    (2, '- -AB-12- -'),
    (3, '--'),
    (4, ''),
    (5, 'x - y'),
    (6, NULL);
