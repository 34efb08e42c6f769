CREATE TABLE words (
    id   INTEGER,
    word VARCHAR(20)
);
INSERT INTO words VALUES
    (1, 'data'),
    (2, 'Data'),
    (3, NULL);
