CREATE TABLE reponses (
    id       INTEGER,
    payload  VARCHAR(200)
);
INSERT INTO reponses VALUES
    (1, '[{"code": "a", "n": 1}, {"code": "b", "n": 2}, {"code": "c", "n": 3}]'),
    (2, '[]'),
    (3, NULL),
    (4, '[{"code": null, "n": 7}]'),
    (5, '[{"code": "Z", "n": -1}]');
