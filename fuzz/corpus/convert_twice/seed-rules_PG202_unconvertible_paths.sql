select
    payload #> path_col as dynamic_path,
    payload #>> array['a', 'b'] as array_path,
    payload #> '{a,"b c"}' as quoted_element,
    payload #> '{items,-1}' as negative_index,
    payload #>> '{ {{ var("key") }} }' as jinja_path
from t
