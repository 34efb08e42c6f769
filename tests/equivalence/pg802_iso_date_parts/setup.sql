CREATE TABLE visits (
    visit_id   INTEGER,
    visit_date DATE
);
INSERT INTO visits VALUES
    (1, '2024-12-29'),
    (2, '2024-12-30'),
    (3, '2021-01-03'),
    (4, '2021-01-04'),
    (5, '2023-01-01'),
    (6, '2024-06-15'),
    (7, NULL);
