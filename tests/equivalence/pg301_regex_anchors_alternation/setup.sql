CREATE TABLE codes (
    code_id INTEGER,
    code    VARCHAR(30)
);
INSERT INTO codes VALUES
    (1, 'abxx'),
    (2, 'xxcd'),
    (3, 'xabx'),
    (4, 'cd'),
    (5, ''),
    (6, 'AB'),
    (7, 'line1
cd'),
    (8, 'ab
x'),
    (9, NULL);
