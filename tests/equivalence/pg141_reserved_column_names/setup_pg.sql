create table runs (id integer, start integer, rows integer, current integer);
insert into runs values (1, 5, 100, 1), (2, 0, 3, 0), (3, null, null, null);
