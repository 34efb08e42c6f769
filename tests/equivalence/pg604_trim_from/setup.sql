create table answers (doc varchar(40), code varchar(20));
insert into answers values
    ('[''a'', ''b'']', '00120'),
    ('[]', '000'),
    ('  [x]  ', '  007  '),
    ('', ''),
    (null, null),
    ('][ab][', '0a0');
