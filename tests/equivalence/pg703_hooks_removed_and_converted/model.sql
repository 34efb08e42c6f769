{{ config(
    materialized='table',
    pre_hook="analyze {{ source('game', 'scores') }}",
    post_hook=[
        "vacuum analyze {{ this }}",
        "create index if not exists scores_rank_idx on {{ this }} (score_rank)",
        "delete from {{ this }} where player ~ '^test_'",
    ]
) }}
select
    player_id,
    player,
    score,
    rank() over (order by score desc nulls last) as score_rank
from scores
order by score_rank, player_id
