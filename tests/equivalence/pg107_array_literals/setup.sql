create table customers (customer_id integer, name varchar(20), is_vip boolean, region varchar(10));
insert into customers values
    (1, 'Ann', true, 'EU'),
    (2, 'ben', false, 'us'),
    (3, 'Cleo', null, null),
    (4, 'dan', true, 'US');
