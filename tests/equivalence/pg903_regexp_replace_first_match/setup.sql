CREATE TABLE contacts (
    contact_id INTEGER,
    phone      VARCHAR(30),
    sku        VARCHAR(30)
);
INSERT INTO contacts VALUES
    (1, '+1 (555) 010-9999', 'AB-12-34'),
    (2, '5550109999',        'CD12'),
    (3, NULL,                'EF-1'),
    (4, '555 0100',          NULL),
    (5, '',                  '--');
