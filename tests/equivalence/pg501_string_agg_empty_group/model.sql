-- Tags per customer; a customer with no tag (none at all, or only a NULL
-- one) should read 'untagged'.
select
    c.customer_id,
    coalesce(string_agg(t.tag, ',' order by t.tag), 'untagged') as tags,
    string_agg(t.tag, ',' order by t.tag) is null as has_no_tags
from customers as c
left join customer_tags as t
    on t.customer_id = c.customer_id
group by c.customer_id
