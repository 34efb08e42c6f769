CREATE TABLE sales (
    sale_id  INTEGER,
    store    VARCHAR(10),
    customer VARCHAR(10),
    channel  VARCHAR(10),
    amount   NUMERIC(10, 2),
    sold_on  DATE
);
INSERT INTO sales VALUES
    (1, 'north', 'ann', 'web',   10.00, DATE '2024-01-01'),
    (2, 'north', 'ann', 'web',   10.00, DATE '2024-01-02'),
    (3, 'north', 'bob', 'store', -4.00, DATE '2024-01-03'),
    (4, 'north', NULL,  'web',    7.00, DATE '2024-01-04'),
    (5, 'north', 'cat', NULL,     1.00, DATE '2024-01-05'),
    (6, 'south', 'dan', 'store',  2.00, DATE '2024-01-01'),
    (7, 'south', 'dan', 'store', NULL,  DATE '2024-01-02'),
    (8, 'east',  'eve', NULL,     3.00, DATE '2024-01-01');
