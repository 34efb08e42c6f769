create table raw_payments (
    payment_id varchar(10),
    order_ref varchar(10),
    amount numeric(10, 2),
    attempts varchar(5),
    ledger_ref varchar(20)
);
insert into raw_payments values
    ('1', '100', 12.50, '1', '9000000000001'),
    ('2', '100', -12.50, '2', '9000000000002'),
    ('3', '101', 2.49, '0', '-9000000000003'),
    ('4', '102', -0.50, null, '9000000000004'),
    ('5', null, null, '3', null),
    ('6', '102', 0.00, '-1', '0');
