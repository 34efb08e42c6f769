CREATE TABLE support_tickets (
    ticket_id INTEGER,
    channel   VARCHAR(20),
    subject   VARCHAR(200),
    body      VARCHAR(2000)
);
INSERT INTO support_tickets VALUES
    (1, 'email', 'Refund request', 'Hello,
I want a refund
for my order 1042.
Thanks'),
    (2, 'chat', 'REFUND please', 'refund order 7'),
    (3, 'email', 'Question', 'Where is my order?
Still no refund'),
    (4, 'email', NULL, NULL),
    (5, 'chat', 'refund', ''),
    (6, 'chat', 'Re: Refund for ORDER', 'No refund needed, order arrived'),
    (7, 'phone', 'Re: callback', 'refund
order'),
    (8, NULL, 'Re: no channel', 'refund order');
