create table products (product_id integer, tags_text varchar(40));
insert into products values (1, '{red,blue}'), (2, '{}'), (3, '{Solo}'), (4, null);
