{#
    Converts an integer amount in cents to dollars.
    Postgres: cast to numeric first so we don't get integer division.
#}
{% macro cents_to_dollars(col, scale=2) %}
    round(({{ col }}::numeric / 100), {{ scale }})
{% endmacro %}

{% macro dollars_to_float(col) -%}
    ({{ col }})::float8
{%- endmacro %}
