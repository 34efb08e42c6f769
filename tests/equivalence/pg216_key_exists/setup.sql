CREATE TABLE events (
    event_id INTEGER,
    payload  VARCHAR(100)
);
INSERT INTO events VALUES
    (1, '{"email": "a@b.fr", "label": "x"}'),
    (2, '{"email": null}'),
    (3, '{"phone": "0102"}'),
    (4, '{}'),
    (5, '{"nested": {"email": 1}}'),
    (6, '{"Email": "case"}');
