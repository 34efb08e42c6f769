-- WRONG on purpose: ->> written as a subscript without ::varchar returns a VARIANT ("Order", with quotes), not text
select event_id, payload['type'] as event_type from events
