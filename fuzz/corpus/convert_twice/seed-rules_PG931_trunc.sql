select
    date_trunc('month', order_date) as month,
    date_trunc('decade', order_date) as decade
from {{ ref('orders') }}
