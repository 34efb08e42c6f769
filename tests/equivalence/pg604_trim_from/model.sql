-- every keyword form, characters sets of several characters, all-trimmed strings, spaces, NULL
select
    doc,
    code,
    trim(both '[]' from replace(doc, '''', '')) as doc_list,
    trim(leading '0' from code) as code_l,
    trim(trailing '0' from code) as code_r,
    trim('0' from code) as code_both,
    trim(both from code) as code_spaces,
    trim(leading from code) as code_spaces_l,
    trim(trailing from code) as code_spaces_r
from answers
