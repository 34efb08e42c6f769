CREATE TABLE bs_data (
    readable_id  VARCHAR(20),
    siret        VARCHAR(14),
    quantity     NUMERIC(10,3)
);
INSERT INTO bs_data VALUES
    ('BSD-3', '111', 1.500),
    ('BSD-1', '111', NULL),
    ('BSD-2', '111', 2.000),
    ('BSD-9', '222', 0.250);
