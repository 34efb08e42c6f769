-- Last time a record changed, and the better and worse of two scores
-- (a missing score does not count).
select
    record_id,
    greatest(created_at, updated_at, deleted_at) as last_changed_at,
    greatest(score_a, score_b) as best_score,
    least(score_a, score_b) as worst_score
from records
