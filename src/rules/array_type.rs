//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct ArrayType {
    meta: RuleMeta,
}

impl ArrayType {
    pub fn new() -> Self {
        ArrayType {
            meta: meta(
                "PG107",
                "array_type",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for ArrayType {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
