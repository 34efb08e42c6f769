select attributes::hstore as attrs, code::bpchar as code, t::time with time zone as tz
from {{ ref('items') }}
