select
    customer_id,
    coalesce(
        string_agg(
            upper(trim(tag)),  -- normalised tags
            ' | '
            order by lower(tag) /* case-insensitive */
        ),
        'none'
    ) as tags
from tags
group by customer_id
