create table offres (id integer, label varchar(40), code varchar(10));
insert into offres values
    (1, 'line one' || chr(10) || 'line two', 'A_1'),
    (2, 'tab' || chr(9) || 'separated', 'AB1'),
    (3, 'plain', 'A_2'),
    (4, null, null);
