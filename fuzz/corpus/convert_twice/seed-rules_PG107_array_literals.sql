select
    coalesce(tags::text[], '{}'::text[]) as tags,
    '{vegan,spicy}'::text[] as defaults,
    '{1, 2, -3}'::int4[] as ids,
    cast('{a b,c}' as VARCHAR[]) as spaced,
    '{it''s}'::text[] as quoted_quote
from {{ ref('stg_products') }}
