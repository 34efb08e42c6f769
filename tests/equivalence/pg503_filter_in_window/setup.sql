CREATE TABLE transactions (
    txn_id     INTEGER,
    account_id INTEGER,
    kind       VARCHAR(10),
    amount     NUMERIC(10, 2),
    booked_on  DATE
);
INSERT INTO transactions VALUES
    (1, 1, 'credit',  100.00, DATE '2024-01-01'),
    (2, 1, 'debit',   -30.00, DATE '2024-01-02'),
    (3, 1, 'debit',   -30.00, DATE '2024-01-02'),
    (4, 1, NULL,       5.00,  DATE '2024-01-03'),
    (5, 2, 'debit',   -10.00, DATE '2024-01-01'),
    (6, 2, 'debit',    NULL,  DATE '2024-01-05'),
    (7, 3, 'credit',   0.00,  NULL);
