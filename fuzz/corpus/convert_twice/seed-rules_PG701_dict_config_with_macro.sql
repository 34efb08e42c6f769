{%- macro cents(col) -%}
    ({{ col }} / 100)
{%- endmacro -%}

{{ config({'materialized': 'table', 'indexes': [{'columns': ['id'], 'unique': True}]}) }}

select id, {{ cents('amount') }} as amount
from {{ ref('stg_payments') }}
