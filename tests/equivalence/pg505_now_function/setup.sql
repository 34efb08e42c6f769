CREATE TABLE subscriptions (
    subscription_id INTEGER,
    started_at      TIMESTAMP,
    cancelled_at    TIMESTAMP,
    trial_ends_on   DATE
);
INSERT INTO subscriptions VALUES
    (1, TIMESTAMP '2020-01-01 00:00:00', NULL,                              DATE '2020-01-15'),
    (2, TIMESTAMP '2021-06-01 12:00:00', TIMESTAMP '2022-06-01 12:00:00',   NULL),
    (3, TIMESTAMP '2099-01-01 00:00:00', NULL,                              DATE '2099-01-15'),
    (4, NULL,                            NULL,                              NULL),
    (5, TIMESTAMP '2023-03-01 00:00:00', TIMESTAMP '2098-12-31 23:59:59',   DATE '2023-03-15');
