{{ config(materialized='incremental', unique_key='event_id') }}

with events as (

    select
        id,
        anonymous_id,
        customer_id,
        event_type,
        page_url,
        user_agent,
        payload::jsonb as payload,
        received_at
    from {{ source('shop', 'web_events') }}
    {% if is_incremental() %}
    where received_at > (select max(received_at) from {{ this }})
    {% endif %}

)

select
    id::int8 as event_id,
    anonymous_id,
    customer_id::int4 as customer_id,
    event_type,
    page_url,
    payload->>'session_id' as session_id,
    payload->'utm'->>'campaign' as utm_campaign,
    payload #>> '{device,os}' as device_os,
    payload #> '{cart,items}' as cart_items,
    (payload->>'list_position')::int2 as list_position,
    coalesce(payload->'consent', '{"analytics": true}'::jsonb) as consent,
    received_at::timestamp as received_at_utc,
    received_at
from events
where page_url ~ '^https?://'
  and coalesce(user_agent, '') !~* '(bot|crawler|spider)'
