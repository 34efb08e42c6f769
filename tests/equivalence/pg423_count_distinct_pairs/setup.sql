CREATE TABLE orders (
    order_id     INTEGER,
    region       VARCHAR,
    customer_id  INTEGER,
    order_date   DATE
);
INSERT INTO orders VALUES
    (1, 'north', 10, '2024-01-01'),
    (2, 'north', 10, '2024-01-01'),
    (3, 'north', 10, '2024-01-02'),
    (4, 'north', 11, '2024-01-02'),
    (5, 'south', 12, '2024-01-05'),
    (6, 'south', 12, '2024-01-05');
