create table log_lines (line_id integer, message varchar(60));
