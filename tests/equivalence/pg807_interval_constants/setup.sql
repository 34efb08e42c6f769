create table contracts (contract_id integer, signed_at timestamp);
insert into contracts values
    (1, '2024-01-30 10:00:00'),
    (2, '2024-02-29 23:30:00'),
    (3, '2023-12-31 22:15:00'),
    (4, null);
