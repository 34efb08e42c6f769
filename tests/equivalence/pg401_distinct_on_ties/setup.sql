CREATE TABLE subscription_events (
    event_id        INTEGER,
    customer_id     INTEGER,
    plan            VARCHAR(20),
    status          VARCHAR(20),
    changed_at      TIMESTAMP
);
INSERT INTO subscription_events VALUES
    (1, 10, 'basic', 'active',    TIMESTAMP '2024-01-01 09:00:00'),
    (2, 10, 'pro',   'active',    TIMESTAMP '2024-03-01 09:00:00'),
    (3, 10, 'pro',   'cancelled', TIMESTAMP '2024-03-01 09:00:00'),
    (4, 20, 'basic', 'active',    TIMESTAMP '2024-02-01 12:00:00'),
    (5, 20, 'basic', 'paused',    NULL),
    (6, 30, 'team',  'active',    TIMESTAMP '2023-12-31 23:59:59'),
    (7, NULL, 'pro', 'active',    TIMESTAMP '2024-01-05 00:00:00'),
    (8, NULL, 'pro', 'trial',     TIMESTAMP '2024-01-04 00:00:00'),
    (9, 40, NULL,    'active',    NULL),
    (10, 40, 'basic', 'active',   NULL);
