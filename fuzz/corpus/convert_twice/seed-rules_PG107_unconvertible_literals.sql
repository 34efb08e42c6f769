select
    '{"a,b",c}'::text[] as quoted,
    '{a,NULL}'::text[] as with_null,
    '{ {1,2},{3,4} }'::int[][] as nested,
    '{1.5,2}'::numeric[] as decimals,
    '{x,y}'::int[] as not_ints
from t
