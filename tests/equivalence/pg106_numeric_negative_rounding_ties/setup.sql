CREATE TABLE adjustments (
    adj_id      INTEGER,
    region      VARCHAR(10),
    amount_text VARCHAR(20)
);
INSERT INTO adjustments VALUES
    (1, 'north', '2.5'),
    (2, 'north', '-2.5'),
    (3, 'north', '-0.125'),
    (4, 'south', '0.125'),
    (5, 'south', '-1.005'),
    (6, 'south', NULL),
    (7, 'east',  '-0.5'),
    (8, 'east',  '1');
