create table labels (label varchar(20));
insert into labels values ('ab'), ('a'), ('abc'), ('AB'), (null);
