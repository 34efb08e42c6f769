CREATE TABLE page_views (
    view_id    INTEGER,
    session_id INTEGER,
    page       VARCHAR(50),
    viewed_at  TIMESTAMP,
    dwell_ms   INTEGER
);
INSERT INTO page_views VALUES
    (1, 1, '/home',     TIMESTAMP '2024-05-01 10:00:00',  1200),
    (2, 1, '/Pricing',  TIMESTAMP '2024-05-01 10:01:00',  -5),
    (3, 1, '/pricing',  TIMESTAMP '2024-05-01 10:02:00',  300),
    (4, 1, '/home',     TIMESTAMP '2024-05-01 10:03:00',  0),
    (5, 2, '/blog',     TIMESTAMP '2024-05-02 08:00:00',  50),
    (6, 2, '/blog',     TIMESTAMP '2024-05-02 07:59:00',  70),
    (7, 3, '/checkout', TIMESTAMP '2024-05-03 12:00:00',  999);
