select id,
       body = $q$it's here$q$ as is_first,
       body = $x$a$$b$x$ as is_second,
       $t$back\slash$t$ as backslash
from notes
