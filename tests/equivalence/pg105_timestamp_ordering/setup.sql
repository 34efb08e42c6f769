create table raw_orders (order_id integer, customer varchar(20), ordered_at varchar(30), status varchar(20));
insert into raw_orders values
    (1, 'Alice', '2024-01-31 23:59:59', 'shipped'),
    (2, 'bob', '2024-02-01 00:00:00', 'Returned'),
    (3, 'Alice', '2024-02-29 12:30:00', 'shipped'),
    (4, 'carol', null, 'pending'),
    (5, 'bob', '2024-02-01 00:00:00', 'shipped'),
    (6, 'Dave', '1999-12-31 23:00:00', 'shipped');
