CREATE TABLE labels (
    label_id INTEGER,
    label    VARCHAR(40)
);
INSERT INTO labels VALUES
    (1, 'a-b-c'),
    (2, 'AbAbab'),
    (3, 'no match'),
    (4, ''),
    (5, 'x
y-z'),
    (6, 'john smith'),
    (7, NULL);
