{% macro explode_tags(column) %}
    unnest /* one row per tag */ ({{ column }})
{% endmacro %}

select
    id,
    UNNEST(string_to_array({{ var('codes_column') }}, ',')) as code
from {{ ref('stg_services') }}
