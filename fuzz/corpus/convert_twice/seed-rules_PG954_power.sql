select capital * (1 + rate) ^ years as value
from {{ ref('loans') }}
