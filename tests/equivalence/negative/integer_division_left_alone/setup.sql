create table order_items (order_id integer, quantity integer, boxes integer);
insert into order_items values (1, 5, 2), (2, 7, 2), (3, -7, 2), (4, 9, 3), (5, null, 2);
