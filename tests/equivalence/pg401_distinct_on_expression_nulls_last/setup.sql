CREATE TABLE purchases (
    purchase_id INTEGER,
    email       VARCHAR(50),
    amount      NUMERIC(10, 2)
);
INSERT INTO purchases VALUES
    (1, 'Ana@Example.com', 10.00),
    (2, 'ana@example.com', NULL),
    (3, 'ANA@EXAMPLE.COM', 25.00),
    (4, 'bo@example.com', -5.00),
    (5, 'bo@example.com', -5.00),
    (6, 'cy@example.com', NULL),
    (7, 'cy@example.com', NULL),
    (8, NULL, 3.00),
    (9, NULL, 30.00),
    (10, 'Bo@example.com', -7.50);
