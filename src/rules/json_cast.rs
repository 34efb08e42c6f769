//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct JsonCast {
    meta: RuleMeta,
}

impl JsonCast {
    pub fn new() -> Self {
        JsonCast {
            meta: meta(
                "PG108",
                "json_cast",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for JsonCast {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
