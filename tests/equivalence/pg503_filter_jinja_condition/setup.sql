CREATE TABLE bordereaux (
    id              INTEGER,
    siret           VARCHAR(14),
    operation_code  VARCHAR(10),
    packaging_id    INTEGER,
    quantity        NUMERIC(10, 3)
);
INSERT INTO bordereaux VALUES
    (1,  'A', 'R1',  10, 1.500),
    (2,  'A', 'R1',  10, 2.000),
    (3,  'A', 'D13', 11, NULL),
    (4,  'A', NULL,  12, 4.250),
    (5,  'A', 'R12', NULL, -1.000),
    (6,  'B', 'D13', 20, 3.000),
    (7,  'B', 'R13', 20, 0.500),
    (8,  'C', NULL,  30, 9.000),
    (9,  'C', 'R1',  NULL, NULL),
    (10, 'C', 'R1',  31, 1.000);
