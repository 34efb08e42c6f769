select $q$it's$q$ as quote, $$plain$$ as plain -- untagged: not reported
