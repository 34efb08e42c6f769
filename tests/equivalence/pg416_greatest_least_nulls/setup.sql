CREATE TABLE records (
    record_id  INTEGER,
    created_at TIMESTAMP,
    updated_at TIMESTAMP,
    deleted_at TIMESTAMP,
    score_a    INTEGER,
    score_b    INTEGER
);
INSERT INTO records VALUES
    (1, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-02-01 00:00:00', TIMESTAMP '2024-03-01 00:00:00', -5,  3),
    (2, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-02-01 00:00:00', NULL,                            -5,  NULL),
    (3, TIMESTAMP '2024-01-01 00:00:00', NULL,                            NULL,                            NULL, NULL);
