CREATE TABLE postcodes (
    id       INTEGER,
    raw_code VARCHAR(30)
);
INSERT INTO postcodes VALUES
    (1, '12345'),
    (2, '1234'),
    (3, 'AB 12'),
    (4, 'ab.cd'),
    (5, 'abcd'),
    (6, NULL),
    (7, '12 345
67890');
