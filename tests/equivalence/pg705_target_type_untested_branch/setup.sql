CREATE TABLE orders (
    order_id    INTEGER,
    coupon_code VARCHAR(20),
    amount      NUMERIC(10, 2)
);
INSERT INTO orders VALUES
    (1, 'SPRING10', 100.00),
    (2, '', 20.00),
    (3, '   ', -20.00),
    (4, NULL, 0.00),
    (5, ' Vip ', 12.50);
