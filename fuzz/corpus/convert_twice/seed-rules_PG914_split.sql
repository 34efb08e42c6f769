select string_to_array(code_insee_list, ',') as codes
from {{ ref('communes') }}
