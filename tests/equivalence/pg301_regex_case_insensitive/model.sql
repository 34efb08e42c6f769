-- Customers with a Google address; QA accounts are excluded. Emails and
-- names come in any letter case, hence the case-insensitive operators.
select
    customer_id,
    full_name,
    email ~* '@(gmail|googlemail)[.]com$' as is_google_address,
    full_name !~* '^test( |$)' as is_real_person,
    email ~ '[A-Z]' as has_upper_case
from customers
where email !~* 'example[.]org'
   or email is null
order by customer_id
