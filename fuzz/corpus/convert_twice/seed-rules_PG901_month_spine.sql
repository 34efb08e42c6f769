{{ config(materialized='table') }}

with months as (
    select generate_series(1, 12) as month_number
)
select month_number from months
