CREATE TABLE counters (
    id        INTEGER,
    increment INTEGER,
    start     DATE,
    current   INTEGER
);
INSERT INTO counters VALUES
    (1, 1, DATE '2024-01-01', 10),
    (2, 1, DATE '2024-01-02', -3),
    (3, 5, DATE '2024-01-01', 7),
    (4, NULL, NULL, NULL),
    (5, 5, DATE '2024-01-03', 7),
    (6, 2, DATE '2023-12-31', 7);
