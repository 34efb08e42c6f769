CREATE TABLE events (
    id       INTEGER,
    payload  VARCHAR(200)
);
INSERT INTO events VALUES
    (1, '["plain", {"a": 1, "b": [1, 2]}]'),
    (2, '["only text"]');
