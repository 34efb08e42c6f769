-- Distinct, sorted finess numbers and names per duplicate group, keeping only
-- non-blank numbers and positively scored names (the pattern of
-- int_esat__surveys_esat_answers_deduplicated, as text). Duplicates and case
-- variants must survive DISTINCT as in PostgreSQL. Every group keeps at least
-- one value: a group where nothing passes is NULL in PostgreSQL and '' in
-- Snowflake, PG501's edge case.
select
    duplicate_group_id,
    string_agg(
        distinct finess_num, ','
        order by finess_num
    ) filter (
        where nullif(trim(finess_num), '') is not null
    ) as finess_nums,
    string_agg(distinct esat_name, '|' order by esat_name desc) filter (where score > 0) as names
from scored
group by duplicate_group_id
