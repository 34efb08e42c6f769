-- pg2sf: noqa  (kept on Postgres until the finance cut-over)
select id::int8, now() from {{ ref('stg_orders') }}
