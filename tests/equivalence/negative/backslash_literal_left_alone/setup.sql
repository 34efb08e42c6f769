create table exports (export_id integer, owner varchar(20), folder varchar(40));
insert into exports values
    (1, 'Finance', 'reports/2024/q1'),
    (2, 'ops', 'daily'),
    (3, 'HR', null),
    (4, 'it', 'a/b/c/d');
