create table raw_events (event_id integer, user_id integer, event_at varchar(40), kind varchar(20));
insert into raw_events values
    (1, 10, '2024-03-09 23:30:00+00', 'Login'),
    (2, 10, '2024-03-10 01:30:00+02', 'purchase'),
    (3, 10, '2024-03-10 12:00:00-05', 'Logout'),
    (4, 11, '2024-12-31 23:59:59+00', 'login'),
    (5, 11, '2025-01-01 00:30:00+01', 'login'),
    (6, 12, null, 'login');
