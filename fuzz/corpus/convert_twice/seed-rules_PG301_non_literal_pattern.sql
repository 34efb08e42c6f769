select *
from {{ ref('events') }} e
join {{ ref('rules') }} r on e.page_url ~ r.url_pattern
where {{ col }} ~ '^x'
  and e.referrer ~ {{ var('referrer_re') }}
