{% snapshot orders_snapshot %}

{{
    config(
        target_schema='snapshots',
        unique_key='id',
        strategy='timestamp',
        updated_at='updated_at'
    )
}}

-- track status changes on raw orders (the app overwrites them in place)
select * from {{ source('shop', 'orders') }}

{% endsnapshot %}
