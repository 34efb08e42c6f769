-- micro-readings scaled to parts per million
select
    sensor,
    reading::numeric * 1000000 as ppm
from sensor_readings
