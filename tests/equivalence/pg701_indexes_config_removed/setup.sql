CREATE TABLE customers (
    customer_id INTEGER,
    email       VARCHAR(100)
);
CREATE TABLE orders (
    order_id    INTEGER,
    customer_id INTEGER,
    amount      NUMERIC(10, 2)
);
INSERT INTO customers VALUES
    (1, 'ana@example.com'),
    (2, 'Bo@Example.com'),
    (3, NULL),
    (4, 'dee@example.com');
INSERT INTO orders VALUES
    (10, 1, 40.00),
    (11, 1, -5.50),
    (12, 2, 34.50),
    (13, 2, NULL),
    (14, 3, 34.50),
    (15, NULL, 99.00);
