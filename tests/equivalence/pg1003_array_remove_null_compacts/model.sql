select
    siret,
    cardinality(array_remove(array[r, e, w], null)) as n_types,
    array_to_string(array_remove(array[r, e, w], null), ',') as types
from roles
