INSERT INTO notes VALUES
    (1, E'first\r\nsecond'),
    (2, E'col1\tcol2'),
    (3, E'it\'s'),
    (4, E'back\\slash'),
    (5, NULL),
    (6, E'one\ntwo\nthree');
