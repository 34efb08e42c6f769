CREATE TABLE customers (
    customer_id INTEGER,
    last_name   VARCHAR(50),
    street      VARCHAR(100)
);
INSERT INTO customers VALUES
    (1, 'lovelace',     'main STREET'),
    (2, 'o''neil',      'st. john''s road'),
    (3, 'MC-DONALD',    '12th avenue'),
    (4, 'd''arcy-smith', NULL),
    (5, NULL,           'rue de l''église');
