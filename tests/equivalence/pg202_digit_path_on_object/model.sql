-- round 0 label; some documents key rounds by number in an object
select
    player_id,
    rounds #>> '{by_round,0}' as round_zero
from scores
