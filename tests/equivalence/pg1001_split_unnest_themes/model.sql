-- One row per theme of a comma-separated list; blanks dropped.
with exploded as (
    select
        answer_id,
        trim(extracted_value) as support_theme
    from answers,
        unnest(
            string_to_array(support_theme_list, ',')
        ) as extracted_value
)
select answer_id, support_theme
from exploded
where support_theme <> ''
