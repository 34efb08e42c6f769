CREATE TABLE raw_events (
    event_id   INTEGER,
    sku_code   VARCHAR(20),
    quantity   INTEGER,
    loaded_at  TIMESTAMP
);
INSERT INTO raw_events VALUES
    (1, '  Ab-1 ', 3, TIMESTAMP '2024-01-01 00:00:00'),
    (2, 'AB-1', -1, TIMESTAMP '2024-01-01 00:00:01'),
    (3, '', 2, NULL),
    (4, NULL, NULL, TIMESTAMP '2024-02-29 23:59:59'),
    (5, 'c-9', 0, TIMESTAMP '2024-03-01 00:00:00');
