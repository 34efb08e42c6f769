{{
    config(
        materialized='table',
        indexes=[
            {'columns': ['customer_id'], 'unique': True},
            {'columns': ['lifetime_value'], 'type': 'btree'},
        ],
        tags=['marts'],
    )
}}

-- customer lifetime value; refunds are negative amounts
select
    c.customer_id,
    lower(c.email) as email,
    coalesce(sum(o.amount), 0) as lifetime_value,
    count(o.order_id) as orders
from customers c
left join orders o on o.customer_id = c.customer_id
group by c.customer_id, c.email
order by lifetime_value desc, c.customer_id
