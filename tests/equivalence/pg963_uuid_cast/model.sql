select
    s.signup_id,
    lower(cast(s.external_id::uuid as varchar)) as external_uuid,
    count(p.payment_id) as payments,
    sum(p.amount) as paid
from signups s
left join payments p on p.payer_ref::uuid = s.external_id::uuid
group by s.signup_id, s.external_id
