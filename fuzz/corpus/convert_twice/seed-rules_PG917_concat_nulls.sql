select
    concat(first_name, ' ', last_name) as full_name,
    CONCAT_WS(', ', adresse, complement_adresse, code_postal) as adresse_complete
from {{ ref('people') }}
