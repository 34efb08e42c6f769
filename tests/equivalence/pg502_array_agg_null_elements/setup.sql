CREATE TABLE shipments (
    shipment_id  INTEGER,
    order_id     INTEGER,
    carrier      VARCHAR(20)
);
INSERT INTO shipments VALUES
    (1, 100, 'ups'),
    (2, 200, 'dhl'),
    (3, 200, NULL),
    (4, 300, NULL),
    (5, 300, 'fedex'),
    (6, 300, NULL);
