CREATE TABLE shift_log (
    log_id    INTEGER,
    worker    VARCHAR(10),
    punched   VARCHAR(30)
);
INSERT INTO shift_log VALUES
    (1, 'ana', '2024-03-10 02:30:00'),
    (2, 'ana', '2024-03-10 01:59:59'),
    (3, 'ana', '2024-03-10 03:00:00'),
    (4, 'bo',  '2024-11-03 01:30:00'),
    (5, 'bo',  '2024-11-03 01:30:00'),
    (6, 'bo',  NULL),
    (7, 'cy',  '2024-11-03 00:59:59.5');
