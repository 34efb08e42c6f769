create table sessions (id integer, minutes integer, parts integer);
insert into sessions values (1, 125, 60), (2, -125, 60), (3, 59, 60), (4, -7, 2), (5, 7, -2), (6, null, 3);
