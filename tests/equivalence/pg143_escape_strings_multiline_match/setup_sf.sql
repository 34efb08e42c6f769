INSERT INTO notes VALUES
    (1, 'first\r\nsecond'),
    (2, 'col1\tcol2'),
    (3, 'it\'s'),
    (4, 'back\\slash'),
    (5, NULL),
    (6, 'one\ntwo\nthree');
