-- Codes such as "AB_12" must match a literal underscore.
select
    siret,
    naf_code
from {{ ref('stg_establishments') }}
where naf_code like 'AB\_%'
    and label not like '%100\%%'
    and lower(label) ilike '%c:\\temp%' -- a literal backslash
    and siren like '%' || {{ var('prefix') }} || '\_%'
    and code like (code_prefix || '\%')
