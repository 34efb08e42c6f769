create table campaign_stats (
    campaign varchar(20),
    day date,
    clicks integer,
    impressions integer,
    spend numeric(12, 2)
);
insert into campaign_stats values
    ('Spring', '2024-03-01', 10, 400, 25.10),
    ('Spring', '2024-03-02', 0, 0, 0.00),
    ('Spring', '2024-03-03', 7, 300, -3.25),
    ('summer', '2024-06-01', null, 500, 12.00),
    ('summer', '2024-06-02', 3, null, null),
    ('Empty', '2024-07-01', null, null, null);
