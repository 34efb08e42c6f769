//! TODO(helper): implement.

use super::{docs, meta, Category, Rule, RuleMeta};

pub struct ArrayAggOrderBy {
    meta: RuleMeta,
}

impl ArrayAggOrderBy {
    pub fn new() -> Self {
        ArrayAggOrderBy {
            meta: meta(
                "PG502",
                "array_agg_order_by",
                "TODO",
                Category::Review,
                docs("", "", "", "", ""),
            ),
        }
    }
}

impl Rule for ArrayAggOrderBy {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
