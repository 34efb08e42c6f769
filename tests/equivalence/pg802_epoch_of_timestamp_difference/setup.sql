create table tickets (ticket_id integer, opened_at timestamp, closed_at timestamp);
insert into tickets values
    (1, '2024-01-01 10:00:00', '2024-01-01 10:00:01.5'),
    (2, '2024-02-28 23:00:00', '2024-03-01 01:30:00.000250'),
    (3, '2024-03-10 12:00:00', '2024-03-09 12:00:00'),
    (4, '2024-06-01 00:00:00', null);
