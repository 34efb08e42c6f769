select event_id, payload->>'type' as event_type from events
