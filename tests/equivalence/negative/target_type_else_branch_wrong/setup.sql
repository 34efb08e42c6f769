CREATE TABLE orders (
    order_id INTEGER,
    amount   NUMERIC(10, 2)
);
INSERT INTO orders VALUES
    (1, 10.00),
    (2, -4.00),
    (3, NULL);
