{% macro is_test_email(col) %}
    {{ col }} ~* '@(example|test)\.(com|org)$'
{% endmacro %}

{% macro has_digits(col) -%}
    coalesce({{ col }}, '') ~ '[0-9]'
{%- endmacro %}
