create table notes (id integer, body varchar(40));
insert into notes values (1, 'it''s here'), (2, 'a$$b'), (3, null);
