CREATE TABLE bordereaux (
    id     INTEGER,
    siret  VARCHAR(14),
    doc    VARCHAR(200)
);
INSERT INTO bordereaux VALUES
    (1, '111', '{"readable_id": "BSD-1", "qty": 2}'),
    (2, '111', '{"qty": 3}'),
    (3, '111', '{"readable_id": null}'),
    (4, '111', '{"readable_id": "BSD-4"}'),
    (5, '222', '"not an object"'),
    (6, '222', '[{"readable_id": "NESTED"}]'),
    (7, '222', '{"readable_id": ["A", "B"]}'),
    (8, '333', '{"other": 1}');
