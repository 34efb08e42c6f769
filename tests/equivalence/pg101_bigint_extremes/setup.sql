CREATE TABLE ledger_raw (
    entry_id   INTEGER,
    account    VARCHAR(10),
    units_text VARCHAR(25),
    small_text VARCHAR(15)
);
INSERT INTO ledger_raw VALUES
    (1, 'a', '9223372036854775807', '2147483647'),
    (2, 'a', '9223372036854775806', '-2147483648'),
    (3, 'b', '-9223372036854775808', '0'),
    (4, 'b', '-1', '-0'),
    (5, 'c', NULL, NULL),
    (6, 'c', '42', '-7');
