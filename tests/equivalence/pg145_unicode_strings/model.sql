select id,
       mot = U&'caf\00e9' as accented,
       length(U&'a\00A0b') as nbsp_length,
       U&'\+01F600 it''s' as smile
from mots
