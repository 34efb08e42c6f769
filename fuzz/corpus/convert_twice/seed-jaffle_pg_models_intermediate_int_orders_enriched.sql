with orders as (

    select * from {{ ref('stg_orders') }}

),

items as (

    select
        order_id,
        sum(quantity) as item_count,
        sum(line_total) as items_total
    from {{ ref('stg_order_items') }}
    group by order_id

),

payments as (

    select
        order_id,
        sum(amount) as amount_paid,
        count(*) as payment_count,
        max(paid_at) as last_paid_at
    from {{ ref('stg_payments') }}
    where not is_refunded
    group by order_id

)

select
    o.order_id,
    o.customer_id,
    o.ordered_at,
    o.updated_at,
    o.status,
    o.channel,
    o.ship_city,
    coalesce(i.item_count, 0) as item_count,
    coalesce(i.items_total, 0) as items_total,
    coalesce(p.amount_paid, 0) as amount_paid,
    coalesce(p.payment_count, 0) as payment_count,
    p.last_paid_at,
    case
        when coalesce(p.amount_paid, 0) >= coalesce(i.items_total, 0) then true
        else false
    end as is_fully_paid,
    row_number() over (partition by o.customer_id order by o.ordered_at) as customer_order_seq
from orders as o
left join items as i on i.order_id = o.order_id
left join payments as p on p.order_id = o.order_id
