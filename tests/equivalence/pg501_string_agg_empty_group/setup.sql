CREATE TABLE customers (
    customer_id INTEGER,
    name        VARCHAR(50)
);
CREATE TABLE customer_tags (
    customer_id INTEGER,
    tag         VARCHAR(30)
);
INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Alan');
INSERT INTO customer_tags VALUES
    (1, 'vip'),
    (1, 'beta'),
    (2, NULL);
