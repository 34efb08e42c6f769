{#
    Returns the most recent row per key from a relation.
    Uses Postgres DISTINCT ON, which is much faster than a window + filter here.
#}
{% macro latest_per_key(relation, key, order_col='updated_at') %}
    select distinct on ({{ key }})
        *
    from {{ relation }}
    order by {{ key }}, {{ order_col }} desc
{% endmacro %}
