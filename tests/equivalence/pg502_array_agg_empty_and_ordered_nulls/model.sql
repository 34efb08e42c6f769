-- Assignees per project in due-date order; projects without tasks are kept.
select
    p.project_id,
    array_agg(t.assignee order by t.due_on) as assignees_by_due_date
from projects as p
left join tasks as t
    on t.project_id = p.project_id
group by p.project_id
