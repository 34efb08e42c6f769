insert into log_lines values
    (1, 'saved C:\\data\\out.csv'),
    (2, 'no path here'),
    (3, 'tab\\tliteral'),
    (4, null);
