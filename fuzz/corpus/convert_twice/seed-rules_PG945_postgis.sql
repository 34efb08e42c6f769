select
    id,
    st_transform(st_setsrid(st_point(longitude, latitude), 4326), 2154) as geom
from {{ ref('adresses') }}
