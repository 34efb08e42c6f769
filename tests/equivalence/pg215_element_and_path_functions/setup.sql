CREATE TABLE contacts (
    id      INTEGER,
    source  VARCHAR(100),
    doc     VARCHAR(200)
);
INSERT INTO contacts VALUES
    (1, '["salon", "web"]', '{"device": {"os": "linux"}, "items": [1, 2, 3]}'),
    (2, '[]', '{"device": {}, "items": []}'),
    (3, NULL, '{"items": [7]}'),
    (4, '["Mairie"]', NULL);
