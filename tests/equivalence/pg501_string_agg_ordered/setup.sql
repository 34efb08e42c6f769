CREATE TABLE orders (
    order_id    INTEGER,
    customer_id INTEGER,
    ordered_at  TIMESTAMP
);
CREATE TABLE order_items (
    order_id     INTEGER,
    product_name VARCHAR(50),
    category     VARCHAR(30)
);
INSERT INTO orders VALUES
    (1, 10, TIMESTAMP '2024-01-01 10:00:00'),
    (2, 10, TIMESTAMP '2024-01-05 10:00:00'),
    (3, 20, TIMESTAMP '2024-01-02 10:00:00'),
    (4, 30, TIMESTAMP '2024-01-03 10:00:00');
INSERT INTO order_items VALUES
    (1, 'banana',  'Fruit'),
    (1, 'Apple',   'fruit'),
    (1, NULL,      'fruit'),
    (2, 'apple',   'Fruit'),
    (2, 'cherry',  NULL),
    (3, 'Zucchini','veg'),
    (3, 'zucchini','veg'),
    (4, 'bread',   'bakery');
