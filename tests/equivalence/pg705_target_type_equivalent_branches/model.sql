select
    student_id,
{% if target.type == 'postgres' %}
    case when score >= 50 then 'pass' else 'fail' end as outcome,
    position('@' in email) as at_position
{% elif target.type == 'snowflake' %}
    iff(score >= 50, 'pass', 'fail') as outcome,
    charindex('@', email) as at_position
{% else %}
    'unknown' as outcome,
    -1 as at_position
{% endif %}
from exam_results
order by student_id
