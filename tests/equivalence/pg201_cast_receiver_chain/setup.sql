CREATE TABLE shipments (
    shipment_id INTEGER,
    doc         VARCHAR(300)
);
INSERT INTO shipments VALUES
    (1, '{"customer": {"address": {"city": "Oslo"}}, "qty": {"n": 3}}'),
    (2, '{"customer": {"address": "unknown"}, "qty": {"n": -2}}'),
    (3, '{"customer": {"address": 42}, "qty": 5}'),
    (4, '{"customer": [{"address": {"city": "Rome"}}], "qty": {"N": 7}}'),
    (5, '{"Customer": {"address": {"city": "Lima"}}}'),
    (6, '{}'),
    (7, NULL);
