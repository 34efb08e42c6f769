create table raw_shipments (shipment_id integer, info varchar(300));
insert into raw_shipments values
    (1, '{"address": {"city": "Berlin", "zip": "10115", "lines": ["Hof 2", "3. OG"]}, "weight": 2.5}'),
    (2, '{"address": {"city": "paris", "lines": []}, "weight": -1}'),
    (3, '{"address": null}'),
    (4, '{}'),
    (5, null);
