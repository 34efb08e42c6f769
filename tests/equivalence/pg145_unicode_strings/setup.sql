create table mots (id integer, mot varchar(20));
insert into mots values (1, 'café'), (2, 'cafe'), (3, null);
