create table contracts (id integer, person integer, code varchar(20), signed date);
insert into contracts values
    (1, 10, 'ACI-59-001', '2024-01-01'),
    (2, 10, 'EI-62', '2024-03-01'),
    (3, 20, 'AI', '2023-05-05'),
    (4, 20, 'ETTI-75-9-x', '2023-01-01'),
    (5, 30, '', '2022-02-02');
