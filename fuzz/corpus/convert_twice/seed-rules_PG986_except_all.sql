select id from {{ ref('a') }}
except all
select id from {{ ref('b') }}
union all
(select id from {{ ref('c') }} intersect all select id from {{ ref('d') }})
