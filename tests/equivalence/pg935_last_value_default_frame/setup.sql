CREATE TABLE ticket_status_changes (
    ticket_id  INTEGER,
    status     VARCHAR(20),
    changed_at TIMESTAMP
);
INSERT INTO ticket_status_changes VALUES
    (1, 'open',     TIMESTAMP '2024-01-01 09:00:00'),
    (1, 'pending',  TIMESTAMP '2024-01-02 09:00:00'),
    (1, 'closed',   TIMESTAMP '2024-01-03 09:00:00'),
    (2, 'open',     TIMESTAMP '2024-01-05 10:00:00'),
    (3, 'open',     TIMESTAMP '2024-01-06 10:00:00'),
    (3, NULL,       TIMESTAMP '2024-01-07 10:00:00');
