CREATE TABLE waterbodies (
    dam_id      INTEGER,
    district    VARCHAR(30),
    silt_carted NUMERIC(10, 2)
);
INSERT INTO waterbodies VALUES
    (1, 'Pune',   10.50),
    (2, 'Pune',   NULL),
    (3, 'Pune',   -2.00),
    (4, 'Nashik', 7.25),
    (5, 'Nashik', 7.25),
    (6, NULL,     1.00);
