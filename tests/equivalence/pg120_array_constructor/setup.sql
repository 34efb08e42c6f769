create table codes (id integer, code varchar(10), region varchar(10));
insert into codes values (1, 'a1', 'eu'), (2, 'b2', null), (3, null, null), (4, '', 'us');
