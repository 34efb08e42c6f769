-- average score per question, stored as single precision in the old warehouse
select
    question,
    avg(score::real) as avg_score,
    max(score::float4) as best_score,
    count(score) as answered
from survey_answers
group by question
