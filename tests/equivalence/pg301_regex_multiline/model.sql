-- Tickets that mention a refund for an order anywhere in the text. The body
-- is multi-line: PostgreSQL's `.` matches a newline, so a refund on one line
-- and the order on the next still counts.
with tickets as (

    select
        ticket_id,
        channel,
        subject,
        body
    from support_tickets

)

select
    ticket_id,
    channel,
    body ~ 'refund.*order' as mentions_refund_order,
    body ~ '^Hello' as starts_with_greeting,
    body ~ 'Thanks$' as ends_with_thanks,
    subject !~ '^Re:' as is_first_message
from tickets
where channel ~ 'mail|chat'
