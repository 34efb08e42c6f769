{{ config(materialized='table', unlogged=true, meta={'owner': 'data-eng', 'note': '{{ not rendered }}'}) }}
select
    event_id,
    nullif(upper(trim(sku_code)), '') as sku,
    coalesce(quantity, 0) as quantity,
    loaded_at
from raw_events
where event_id is not null
