with elements as (
    select w.list_id, item
    from wishlists as w,
        lateral jsonb_array_elements_text(w.items::jsonb) as item
)

select
    list_id,
    count(*) as elements,
    count(item) as non_null_elements,
    sum(case when item = '' then 1 else 0 end) as blanks,
    max(item) as last_item
from elements
group by list_id
