CREATE TABLE api_calls (
    call_id     INTEGER,
    endpoint    VARCHAR(30),
    started_at  TIMESTAMP
);
INSERT INTO api_calls VALUES
    (1, '/orders',  TIMESTAMP '2024-03-05 14:07:09.750'),
    (2, '/orders',  TIMESTAMP '2024-03-05 14:07:10'),
    (3, '/refunds', TIMESTAMP '2024-03-05 23:59:59.999'),
    (4, '/refunds', NULL);
