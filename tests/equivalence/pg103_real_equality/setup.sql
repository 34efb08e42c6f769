create table discounts (code varchar(10), rate numeric(4, 2));
insert into discounts values ('TEN', 0.10), ('QUARTER', 0.25), ('HALF', 0.50), ('ELEVEN', 1.10), ('NONE', null);
