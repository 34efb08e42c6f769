create table raw_signups (signup_id integer, properties varchar(200));
insert into raw_signups values
    (1, '{"Plan": "Pro", "plan": "legacy", "seats": 5, "trial": true}'),
    (2, '{"plan": "free", "seats": 3, "tags": ["a", "b"]}'),
    (3, '{}'),
    (4, null),
    (5, '{"plan": "Team", "seats": -2, "address": {"city": "Oslo"}}');
