select nextval('order_seq') as order_number, *
from {{ ref('orders') }}
