//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct DistinctOn {
    meta: RuleMeta,
}

impl DistinctOn {
    pub fn new() -> Self {
        DistinctOn {
            meta: meta(
                "PG401",
                "distinct_on",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for DistinctOn {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
