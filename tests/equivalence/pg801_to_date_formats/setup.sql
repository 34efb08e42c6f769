CREATE TABLE contracts (
    contract_id INTEGER,
    end_text    VARCHAR(20),
    year_text   VARCHAR(4),
    month_text  VARCHAR(10)
);
INSERT INTO contracts VALUES
    (1, '05/01/2024', '1987', '03/2024'),
    (2, '31/12/2023', '2001', '12/2023'),
    (3, '29/02/2024', '1960', '01/1999'),
    (4, NULL, NULL, NULL);
