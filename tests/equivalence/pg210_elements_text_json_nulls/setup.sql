CREATE TABLE wishlists (
    list_id INTEGER,
    items   VARCHAR(200)
);
INSERT INTO wishlists VALUES
    (1, '["Lamp", null, "", "lamp"]'),
    (2, '[]'),
    (3, NULL),
    (4, '["solo"]'),
    (5, '[null, null]');
