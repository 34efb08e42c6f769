CREATE TABLE scored (
    duplicate_group_id  INTEGER,
    finess_num          VARCHAR(20),
    esat_name           VARCHAR(50),
    score               INTEGER
);
INSERT INTO scored VALUES
    (1, '750001', 'Esat Nord',  3),
    (1, '750001', 'esat nord',  2),
    (1, '  ',     'Esat Sud',  -1),
    (1, '130002', 'Esat Sud',   5),
    (1, NULL,     'Atelier',    0),
    (2, '',       'Zeta',       1),
    (2, '690003', 'Alpha',      4),
    (2, '690003', 'Alpha',      4),
    (3, '  ',     'Solo',      -2),
    (3, '310004', 'Solo',       7);
