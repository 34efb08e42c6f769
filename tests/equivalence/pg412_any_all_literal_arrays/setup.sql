create table orders (id integer, status varchar(20), kind integer);
insert into orders values
    (1, 'open', 1),
    (2, 'pending', 2),
    (3, 'closed', 3),
    (4, null, null),
    (5, 'OPEN', 4);
