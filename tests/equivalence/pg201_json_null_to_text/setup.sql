create table raw_profiles (profile_id integer, attrs varchar(100));
insert into raw_profiles values (1, '{"nickname": null}'), (2, '{"nickname": "Zed"}'), (3, '{}');
