CREATE TABLE files (
    file_id INTEGER,
    path    VARCHAR(100)
);
INSERT INTO files VALUES
    (1, '/usr/local/'),
    (2, 'a//b'),
    (3, 'README'),
    (4, NULL),
    (5, 'Docs/Guide/Intro.md');
