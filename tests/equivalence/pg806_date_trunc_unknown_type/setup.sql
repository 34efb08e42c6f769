CREATE TABLE orders (
    order_id   INTEGER,
    order_date DATE,
    amount     NUMERIC(10, 2)
);
INSERT INTO orders VALUES
    (1, DATE '2024-01-31',  10.00),
    (2, DATE '2024-02-01',  -4.50),
    (3, DATE '2024-02-29',  20.00),
    (4, NULL,                1.00);
