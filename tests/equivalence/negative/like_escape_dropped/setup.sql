create table promo_codes (code varchar(20), discount integer);
insert into promo_codes values
    ('A_1', 10),
    ('AB1', 20),
    ('a_2', 30),
    ('50%OFF', 50),
    ('5000FF', 0),
    ('x_y%z', -5),
    (null, 1);
