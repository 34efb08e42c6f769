-- Number of themes per answer, counted by unnesting the list.
select answer_id, count(*) as themes
from answers,
    unnest(string_to_array(support_theme_list, ',')) as theme
group by answer_id
