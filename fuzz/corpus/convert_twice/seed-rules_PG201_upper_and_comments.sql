SELECT
    PAYLOAD->>'Status' AS STATUS,  -- keys stay case-sensitive
    PAYLOAD /* raw */ -> 'Meta' AS META,
    (PAYLOAD->>'list_position')::INT AS LIST_POSITION
FROM ORDERS
