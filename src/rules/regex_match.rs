//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct RegexMatch {
    meta: RuleMeta,
}

impl RegexMatch {
    pub fn new() -> Self {
        RegexMatch {
            meta: meta(
                "PG301",
                "regex_match",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for RegexMatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
