CREATE TABLE order_lines (
    order_id    INTEGER,
    customer_id INTEGER,
    product     VARCHAR(30),
    quantity    INTEGER,
    unit_price  NUMERIC(10, 2)
);
INSERT INTO order_lines VALUES
    (1, 10, 'apple',  2,  1.50),
    (2, 10, 'apple',  1,  1.50),
    (3, 10, 'banana', 6,  0.50),
    (4, 20, 'cherry', 1, 10.00),
    (5, 20, 'apple', -1,  1.50),
    (6, 20, 'apple',  1,  1.50),
    (7, 30, 'banana', NULL, 0.50),
    (8, 30, 'durian', 1, NULL),
    (9, 40, 'apple',  3,  1.00),
    (10, 40, 'banana', 6, 0.50);
