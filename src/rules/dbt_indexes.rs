//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct DbtIndexes {
    meta: RuleMeta,
}

impl DbtIndexes {
    pub fn new() -> Self {
        DbtIndexes {
            meta: meta(
                "PG701",
                "dbt_indexes",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for DbtIndexes {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
