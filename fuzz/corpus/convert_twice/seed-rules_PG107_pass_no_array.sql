select tags::text as tags, array_construct('a') as a
from t
