CREATE TABLE payments (
    payment_id   INTEGER,
    customer_id  INTEGER,
    method       VARCHAR(20),
    status       VARCHAR(20),
    amount       NUMERIC(10, 2),
    is_refunded  BOOLEAN
);
INSERT INTO payments VALUES
    (1,  1, 'card',   'success',  10.00, FALSE),
    (2,  1, 'card',   'success', -10.00, TRUE),
    (3,  1, 'coupon', 'success',   5.00, NULL),
    (4,  1, 'card',   'failed',   99.00, FALSE),
    (5,  2, 'coupon', 'success',   NULL, FALSE),
    (6,  2, 'card',   NULL,        7.25, FALSE),
    (7,  2, 'card',   'success',   7.25, NULL),
    (8,  3, 'wire',   'failed',   50.00, FALSE),
    (9,  3, 'wire',   'failed',  -50.00, TRUE),
    (10, 4, NULL,     NULL,        NULL, NULL);
