CREATE TABLE scores (
    player_id INTEGER,
    player    VARCHAR(30),
    score     INTEGER
);
INSERT INTO scores VALUES
    (1, 'ana', 90),
    (2, 'Bo', 90),
    (3, 'cy', -5),
    (4, 'dee', NULL),
    (5, 'Ed', 70);
