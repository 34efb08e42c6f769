with per_store as (
    select
        store,
        count(distinct customer) filter (where channel = 'web') as web_customers,
        count(distinct amount) filter (where channel = 'web') as distinct_web_amounts,
        count(*) filter (where amount < 0) as refunds
    from sales
    group by store
),

running as (
    select
        sale_id,
        store,
        sum(amount) filter (where channel = 'web')
            over (partition by store order by sold_on rows between 1 preceding and current row) as web_last_two
    from sales
)

select r.sale_id, r.store, r.web_last_two, p.web_customers, p.distinct_web_amounts, p.refunds
from running r
join per_store p on p.store = r.store
