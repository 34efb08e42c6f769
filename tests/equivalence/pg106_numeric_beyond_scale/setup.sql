create table sensor_readings (sensor varchar(10), reading varchar(30));
insert into sensor_readings values
    ('a', '0.0000000001'),
    ('b', '0.1234567891234'),
    ('c', '-0.00000000049'),
    ('d', '2.5');
