CREATE TABLE orders (
    order_id     INTEGER,
    region       VARCHAR,
    customer_id  INTEGER,
    order_date   DATE
);
INSERT INTO orders VALUES
    (1, 'north', 10, '2024-01-01'),
    (2, 'north', NULL, '2024-01-01'),
    (3, 'north', 10, NULL),
    (4, 'south', 12, '2024-01-05');
