SELECT
    CAST(TAG_LIST AS TEXT[]) AS TAGS,
    IDS::INT[] AS IDS,
    ids::int4[] as ids_lower,  -- int4 inside [] is not PG101's
    (a || b)::text[] as joined
FROM T
