CREATE TABLE labels (
    item_id INTEGER,
    label   VARCHAR(30),
    score   INTEGER
);
INSERT INTO labels VALUES
    (1, 'Red', 2),
    (1, 'red', 2),
    (1, 'RED', 1),
    (1, 'blue', 1),
    (1, NULL, 0),
    (2, 'green', -1),
    (2, 'Green', -1),
    (2, 'line one
line two', 5),
    (3, 'solo', NULL);
