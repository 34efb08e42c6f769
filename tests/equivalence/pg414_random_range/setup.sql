create table events (id integer);
insert into events values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10);
