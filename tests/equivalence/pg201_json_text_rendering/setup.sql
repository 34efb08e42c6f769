create table raw_orders (order_id integer, doc varchar(200));
insert into raw_orders values
    (1, '{"total": 1.50, "shipping": {"zip": "0150", "express": true}}'),
    (2, '{"total": 20, "shipping": {"zip": "99"}}');
