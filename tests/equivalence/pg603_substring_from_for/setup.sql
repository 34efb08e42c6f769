create table structures (siret varchar(20), rubrique varchar(20), numero varchar(20));
insert into structures values
    ('12345678900011', '2760-1-a', '  ACI059V'),
    ('123', '27', 'X'),
    ('', '', ''),
    (null, null, null),
    ('Ünïcödé-siret', '2771', ' 0A ');
