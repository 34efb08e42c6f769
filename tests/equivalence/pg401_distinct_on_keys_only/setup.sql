CREATE TABLE raw_customer_events (
    loaded_at   TIMESTAMP,
    customer_id INTEGER,
    email       VARCHAR(100),
    country     VARCHAR(2)
);
INSERT INTO raw_customer_events VALUES
    (TIMESTAMP '2024-01-01 00:00:00', 1, 'ada@example.com',   'GB'),
    (TIMESTAMP '2024-01-02 00:00:00', 1, 'ada@example.com',   'GB'),
    (TIMESTAMP '2024-01-01 00:00:00', 2, 'grace@example.com', NULL),
    (TIMESTAMP '2024-01-03 00:00:00', 2, 'grace@example.com', NULL),
    (TIMESTAMP '2024-01-01 00:00:00', 3, NULL,                'US'),
    (TIMESTAMP '2024-01-01 00:00:00', NULL, 'ghost@example.com', 'FR'),
    (TIMESTAMP '2024-01-02 00:00:00', NULL, 'ghost@example.com', 'FR');
