-- renewal dates of contracts: several year/month parts are one month count
select
    contract_id,
    signed_at + interval '1 year 1 month' as thirteen_months,
    signed_at + interval '1.5 hours' as review_at,
    signed_at - '30 days'::interval as notice_start,
    signed_at + cast('1 week 2 days' as interval) as follow_up,
    signed_at + interval '02:30:00' as grace_end
from contracts
