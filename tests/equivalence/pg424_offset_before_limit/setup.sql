CREATE TABLE events (
    event_id    INTEGER,
    created_at  TIMESTAMP
);
INSERT INTO events VALUES
    (1, '2024-01-01 10:00:00'),
    (2, '2024-01-02 10:00:00'),
    (3, '2024-01-02 10:00:00'),
    (4, '2024-01-03 10:00:00'),
    (5, NULL);
