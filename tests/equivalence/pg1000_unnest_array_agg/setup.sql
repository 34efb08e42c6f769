CREATE TABLE shipments (
    shipment_id  INTEGER,
    order_id     INTEGER,
    parcels      INTEGER
);
INSERT INTO shipments VALUES
    (1, 100, 3),
    (2, 200, 1),
    (3, 200, 1),
    (4, 300, -2),
    (5, 300, 5),
    (6, 300, 0);
