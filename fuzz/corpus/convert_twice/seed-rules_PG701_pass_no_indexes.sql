{{ config(materialized='table', cluster_by=['customer_id'], meta={'indexes': 'none'}, post_hook="select 'indexes=1'") }}

select customer_id, 'indexes' as indexes
from {{ ref('stg_orders') }}
