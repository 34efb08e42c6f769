create table communes (id integer, population integer, area double precision);
insert into communes values (1, 1000, 12.5), (2, 1, 0.3), (3, 123456, 1000), (4, null, null);
