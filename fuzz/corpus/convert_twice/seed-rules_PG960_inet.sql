select client_ip::inet as ip, cast(network as cidr) as net
from {{ source('logs', 'requests') }}
