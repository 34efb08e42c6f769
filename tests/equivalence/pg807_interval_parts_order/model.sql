-- renewal dates: PostgreSQL adds the month before the day, whatever the order written
select
    contract_id,
    signed_at + interval '1 day 1 month' as renewal,
    signed_at + interval '2 hours 30 minutes' as grace_end,
    signed_at + interval '1 day 02:30:00' as with_clock
from contracts
