CREATE TABLE signups (
    signup_id   INTEGER,
    external_id VARCHAR(40)
);
CREATE TABLE payments (
    payment_id  INTEGER,
    payer_ref   VARCHAR(40),
    amount      NUMERIC(10, 2)
);
INSERT INTO signups VALUES
    (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
    (2, 'B1FFCD00-0D1C-4EF8-BB6D-6BB9BD380A22'),
    (3, NULL),
    (4, '00000000-0000-0000-0000-000000000000');
INSERT INTO payments VALUES
    (10, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 25.00),
    (11, 'b1ffcd00-0d1c-4ef8-bb6d-6bb9bd380a22', -5.00),
    (12, 'b1ffcd00-0d1c-4ef8-bb6d-6bb9bd380a22', 7.50),
    (13, NULL, 1.00);
