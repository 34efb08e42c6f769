//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct FilterClause {
    meta: RuleMeta,
}

impl FilterClause {
    pub fn new() -> Self {
        FilterClause {
            meta: meta(
                "PG503",
                "filter_clause",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for FilterClause {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
