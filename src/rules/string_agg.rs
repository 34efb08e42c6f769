//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct StringAgg {
    meta: RuleMeta,
}

impl StringAgg {
    pub fn new() -> Self {
        StringAgg {
            meta: meta(
                "PG501",
                "string_agg",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for StringAgg {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
