CREATE TABLE events (
    event_id    INTEGER,
    happened_at TIMESTAMP
);
INSERT INTO events VALUES
    (1, TIMESTAMP '2024-03-05 14:07:09'),
    (2, TIMESTAMP '2024-03-05 02:07:09'),
    (3, TIMESTAMP '2024-12-31 00:30:00'),
    (4, NULL);
