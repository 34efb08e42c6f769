CREATE TABLE sessions (
    session_id INTEGER,
    referrer   VARCHAR(200)
);
CREATE TABLE channel_patterns (
    channel  VARCHAR(30),
    pattern  VARCHAR(100),
    priority INTEGER
);
INSERT INTO sessions VALUES
    (1, 'https://www.Google.com/search?q=shoes'),
    (2, 'https://news.ycombinator.com/item'),
    (3, 'android-app://com.google.android.gm'),
    (4, NULL),
    (5, 'https://t.co/abc'),
    (6, 'https://mail.yahoo.com/inbox'),
    (7, '');
INSERT INTO channel_patterns VALUES
    ('search',  'google[.]|bing[.]', 1),
    ('email',   'mail[.]|[.]gm$',    2),
    ('social',  '^https://t[.]co/|facebook', 3),
    ('unknown', NULL,                9);
