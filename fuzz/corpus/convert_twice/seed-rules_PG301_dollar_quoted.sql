select sku ~ $$^\d+-[a-z]$$ as ok, sku ~ $$\y\d$$ as bad
from products
