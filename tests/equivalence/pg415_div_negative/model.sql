-- div truncates toward zero: div(-125, 60) = -2, div(-7, 2) = -3, div(7, -2) = -3
select id, div(minutes, parts) as q, div(minutes + 1, parts - 1) as shifted
from sessions
