create table imports (id integer, "ROWS" integer, "ORDER" integer);
insert into imports values (1, 10, 2), (2, null, 1), (3, 0, null);
