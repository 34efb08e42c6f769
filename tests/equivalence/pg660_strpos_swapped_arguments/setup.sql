CREATE TABLE users (
    user_id  INTEGER,
    email    VARCHAR,
    sep      VARCHAR
);
INSERT INTO users VALUES
    (1, 'ada@example.org', '@'),
    (2, 'no-at-sign', '@'),
    (3, NULL, '@'),
    (4, 'bob@ex@ample', NULL),
    (5, 'carol.smith@x.io', 'smith'),
    (6, 'Dan@X', 'x');
