CREATE TABLE products (
    product_id INTEGER,
    sku        VARCHAR(30),
    brand      VARCHAR(20)
);
CREATE TABLE sku_formats (
    brand         VARCHAR(20),
    family_length INTEGER,
    size_offset   INTEGER
);
INSERT INTO products VALUES
    (1, 'SHOE-RED-42', 'acme'),
    (2, 'HAT-BLU-7',   'bolt'),
    (3, 'X',           'acme'),
    (4, NULL,          'cove'),
    (5, '',            'acme'),
    (6, 'BAG-GRN-10',  'cove'),
    (7, 'CAP-WHT-9',   'dyna');
INSERT INTO sku_formats VALUES
    ('acme', 4, -3),
    ('bolt', 3, -2),
    ('cove', NULL, NULL),
    ('dyna', 0, 0);
