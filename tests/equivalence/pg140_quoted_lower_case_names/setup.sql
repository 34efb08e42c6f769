create table orders (order_id integer, user_id integer, amount integer, status varchar(10));
insert into orders values
    (1, 10, 5, 'paid'),
    (2, 10, 7, 'paid'),
    (3, 11, 3, 'refunded'),
    (4, 12, null, 'paid'),
    (5, null, 9, null);
