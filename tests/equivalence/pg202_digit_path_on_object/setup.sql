create table raw_scores (player_id integer, rounds varchar(100));
insert into raw_scores values (1, '{"by_round": {"0": "warmup", "1": "final"}}'), (2, '{"by_round": ["warmup", "final"]}');
