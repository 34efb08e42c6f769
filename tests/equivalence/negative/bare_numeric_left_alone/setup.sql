create table invoice_lines (invoice_id integer, line_no integer, price_cents integer, quantity_text varchar(10), fx_rate varchar(12));
insert into invoice_lines values
    (1, 1, 1999, '1.5', '1.0825'),
    (1, 2, -250, '2', '1.0825'),
    (2, 1, 5, '0.25', '0.92'),
    (2, 2, null, '3', null),
    (3, 1, 100, null, '1'),
    (4, 1, 0, '-1.75', '1.33333');
