create table flags (id integer, is_active boolean, a integer, b integer);
insert into flags values
    (1, true, 1, 1),
    (2, false, 1, 2),
    (3, null, null, 2),
    (4, true, 2, null),
    (5, null, 3, 3);
