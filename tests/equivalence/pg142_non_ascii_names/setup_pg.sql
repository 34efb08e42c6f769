create table paiements (code_région varchar(5), montant integer);
insert into paiements values ('IDF', 10), ('IDF', 5), ('BRE', null), (null, 7);
