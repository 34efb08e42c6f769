select |/ variance as stddev, @ delta as abs_delta
from {{ ref('stats') }}
