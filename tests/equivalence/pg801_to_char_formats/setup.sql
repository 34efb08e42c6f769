CREATE TABLE events (
    event_id   INTEGER,
    created_at TIMESTAMP,
    day_text   VARCHAR(20),
    stamp_text VARCHAR(30),
    epoch_s    BIGINT
);
INSERT INTO events VALUES
    (1, '2024-01-05 00:30:15.123456', '05/01/2024', '05/01/2024 12:30:15 AM', 1704414615),
    (2, '2024-07-14 13:05:09.5', '14/07/2024', '14/07/2024 01:05:09 PM', 1720962309),
    (3, '2023-12-31 23:59:59', '31/12/2023', '31/12/2023 11:59:59 PM', 0),
    (4, NULL, NULL, NULL, NULL);
