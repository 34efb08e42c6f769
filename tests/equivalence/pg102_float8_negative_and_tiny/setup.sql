CREATE TABLE readings (
    reading_id INTEGER,
    raw_value  VARCHAR(30)
);
INSERT INTO readings VALUES
    (1, '-0'),
    (2, '1e-300'),
    (3, '1.5e307'),
    (4, '-2.5E3'),
    (5, NULL),
    (6, '0.1'),
    (7, '-2500');
