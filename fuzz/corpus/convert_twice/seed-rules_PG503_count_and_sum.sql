select
    customer_id,
    count(*) filter (where status = 'returned') as returned_orders,
    count(*) filter (where status in ('shipped', 'completed')) as fulfilled_orders,
    sum(amount_paid) filter (where status <> 'returned') as net_revenue,
    avg(amount_paid) filter (where channel = 'app') as avg_app_order,
    min(ordered_at) filter (where channel = 'app') as first_app_order,
    max(ordered_at)   FILTER   (  WHERE channel = 'web'  ) as last_web_order
from {{ ref('stg_orders') }}
group by customer_id
