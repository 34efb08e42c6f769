select external_id::uuid as external_id
from {{ ref('accounts') }}
