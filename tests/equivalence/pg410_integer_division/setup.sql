create table events (id integer, user_id integer, amount integer, code varchar(20));
insert into events values
    (1, 10, -7, 'abcde'),
    (2, 10, 7, 'ab'),
    (3, 20, -1, ''),
    (4, 30, 5, 'abcdefghij'),
    (5, null, 0, null),
    (6, 40, -9, 'xyz');
