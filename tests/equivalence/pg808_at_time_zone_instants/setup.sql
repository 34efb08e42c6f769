create table events (event_id integer, event_at varchar(40));
insert into events values
    (1, '2024-03-31 00:30:00+00'),
    (2, '2024-03-31 01:30:00+00'),
    (3, '2024-10-27 00:59:59+00'),
    (4, '2024-10-27 01:00:00+00'),
    (5, '2024-07-01 12:00:00-05'),
    (6, null);
