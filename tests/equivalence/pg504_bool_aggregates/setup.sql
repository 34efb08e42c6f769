CREATE TABLE accounts (
    account_id INTEGER,
    name       VARCHAR(30)
);
CREATE TABLE invoices (
    invoice_id  INTEGER,
    account_id  INTEGER,
    is_paid     BOOLEAN,
    is_disputed BOOLEAN,
    amount      NUMERIC(10, 2)
);
INSERT INTO accounts VALUES (1, 'acme'), (2, 'globex'), (3, 'initech'), (4, 'umbrella'), (5, 'hooli');
INSERT INTO invoices VALUES
    (1, 1, TRUE,  FALSE, 100.00),
    (2, 1, TRUE,  FALSE, -20.00),
    (3, 2, TRUE,  TRUE,   50.00),
    (4, 2, FALSE, NULL,   10.00),
    (5, 3, NULL,  NULL,    5.00),
    (6, 3, TRUE,  NULL,    5.00),
    (7, 4, NULL,  NULL,    1.00);
