-- Distinct, sorted finess numbers and names per duplicate group, keeping only
-- non-blank numbers and positively scored names (from
-- int_esat__surveys_esat_answers_deduplicated). Duplicates and case variants
-- must survive DISTINCT as in PostgreSQL. Every group keeps at least one value:
-- a group where nothing passes is NULL in PostgreSQL and [] in Snowflake,
-- PG502's edge case (pg502_array_agg_empty_and_ordered_nulls).
select
    duplicate_group_id,
    array_agg(
        distinct finess_num
        order by finess_num
    ) filter (
        where nullif(trim(finess_num), '') is not null
    ) as finess_nums,
    array_agg(distinct esat_name order by esat_name desc) filter (where score > 0) as names
from scored
group by duplicate_group_id
