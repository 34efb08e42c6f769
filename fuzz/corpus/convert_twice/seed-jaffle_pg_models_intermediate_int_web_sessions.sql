with events as (

    select * from {{ ref('stg_web_events') }}
    where session_id is not null

)

select
    session_id,
    max(customer_id) as customer_id,
    min(anonymous_id) as anonymous_id,
    min(received_at) as session_started_at,
    max(received_at) as session_ended_at,
    max(utm_campaign) as utm_campaign,
    count(*) as event_count,
    sum(case when event_type = 'add_to_cart' then 1 else 0 end) as add_to_cart_events,
    max(case when event_type = 'checkout_completed' then 1 else 0 end) as converted
from events
group by session_id
