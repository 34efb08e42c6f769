CREATE TABLE customers (
    customer_id INTEGER,
    full_name   VARCHAR(100),
    email       VARCHAR(200)
);
INSERT INTO customers VALUES
    (1, 'Ada Lovelace',   'ada@GMAIL.com'),
    (2, 'TEST user',      'qa+1@Example.ORG'),
    (3, 'Grace Hopper',   'grace@googlemail.COM'),
    (4, 'Testa Rossa',    'testa@gmail.com.au'),
    (5, 'Alan Turing',    NULL),
    (6, NULL,             'anon@Yahoo.com'),
    (7, 'test',           'x@gmail.com'),
    (8, 'Edsger Dijkstra','EDSGER@GOOGLEMAIL.COM');
