create table runs (id integer, "START" integer, "ROWS" integer, "CURRENT" integer);
insert into runs values (1, 5, 100, 1), (2, 0, 3, 0), (3, null, null, null);
