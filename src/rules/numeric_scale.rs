//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct NumericScale {
    meta: RuleMeta,
}

impl NumericScale {
    pub fn new() -> Self {
        NumericScale {
            meta: meta(
                "PG106",
                "numeric_scale",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for NumericScale {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
