-- Counts per establishment, where the non-final operation codes come from a
-- Jinja condition (here a target.type branch standing in for a macro call):
-- the argument moves into CASE WHEN, the condition stays in place. Unknown
-- (NULL) codes, NULL ids and quantities, and an establishment where nothing
-- passes (0 counts, NULL sums).
select
    siret,
    count(*) filter (where operation_code in {% if target.type == 'snowflake' %}('D13', 'R12', 'R13'){% else %}('D13', 'R12', 'R13'){% endif %}) as non_final_rows,
    COUNT(distinct packaging_id) FILTER (
        WHERE operation_code NOT IN {% if target.type == 'snowflake' %}('D13', 'R12', 'R13'){% else %}('D13', 'R12', 'R13'){% endif %}
    ) as final_packagings,
    count(id) filter (where operation_code not in {% if target.type == 'snowflake' %}('D13', 'R12', 'R13'){% else %}('D13', 'R12', 'R13'){% endif %}) as final_ids,
    sum(quantity) filter (where operation_code in {% if target.type == 'snowflake' %}('D13', 'R12', 'R13'){% else %}('D13', 'R12', 'R13'){% endif %}) as non_final_quantity,
    max(quantity) filter (where operation_code like {% if target.type == 'snowflake' %}'R%'{% else %}'R%'{% endif %}) as max_recovery
from bordereaux
group by siret
