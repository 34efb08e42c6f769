create table raw_events (event_id integer, payload varchar(300));
insert into raw_events values
    (1, '{"type": "Order", "customer": {"email": "A@example.com", "tier": "gold"}, "items": [{"sku": "X-1", "qty": 2}, {"sku": "y-2", "qty": -1}]}'),
    (2, '{"type": "refund", "customer": {"email": null}, "items": []}'),
    (3, '{"type": "order", "customer": null, "items": [{"sku": "Z-3"}]}'),
    (4, '{"Type": "mixed case key only"}'),
    (5, null);
