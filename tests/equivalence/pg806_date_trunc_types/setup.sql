create table visits (visit_id integer, visit_date date, measured_at timestamp);
insert into visits values
    (1, '2024-01-31', '2024-01-31 23:59:59'),
    (2, '2024-02-29', '2024-03-01 00:00:00'),
    (3, '2024-12-29', '2024-12-29 12:30:00'),
    (4, '2021-01-03', '2021-01-03 00:00:01'),
    (5, null, null);
