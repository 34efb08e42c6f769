select price::money as price
from {{ ref('products') }}
