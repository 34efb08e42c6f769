CREATE TABLE orders (
    order_id    INTEGER,
    customer_id INTEGER,
    store_id    INTEGER,
    ordered_at  TIMESTAMP,
    amount      NUMERIC(10, 2)
);
CREATE TABLE stores (
    store_id INTEGER,
    region   VARCHAR(20)
);
INSERT INTO stores VALUES (1, 'north'), (2, 'south'), (3, NULL);
INSERT INTO orders VALUES
    (1, 100, 1, TIMESTAMP '2024-01-01 10:00:00',  25.00),
    (2, 100, 1, TIMESTAMP '2024-01-02 10:00:00', -10.00),
    (3, 100, 2, TIMESTAMP '2024-01-03 10:00:00',  40.00),
    (4, 100, 2, TIMESTAMP '2024-01-04 10:00:00',  40.00),
    (5, 200, 1, TIMESTAMP '2024-02-01 08:30:00',   NULL),
    (6, 200, 1, TIMESTAMP '2024-02-02 08:30:00',   5.50),
    (7, 200, 3, TIMESTAMP '2024-02-03 08:30:00',  12.00),
    (8, 300, 3, TIMESTAMP '2024-02-04 08:30:00',  12.00),
    (9, 300, 3, TIMESTAMP '2024-02-01 08:30:00',  -3.00);
