//! PG701: the dbt-postgres `indexes` config in a model's `{{ config(…) }}`.

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::dbt::args;
use crate::jinja::{JinjaKind, JinjaRegion};
use crate::mask;

const MESSAGE: &str = "removed `indexes`, a dbt-postgres config that dbt-snowflake ignores: Snowflake has no indexes; for a large table, `cluster_by` sets a clustering key";

pub struct DbtIndexes {
    meta: RuleMeta,
}

impl DbtIndexes {
    pub fn new() -> Self {
        DbtIndexes {
            meta: meta(
                "PG701",
                "dbt-indexes-config",
                "`indexes=[…]` in config() is a dbt-postgres option that dbt-snowflake ignores: removed",
                Category::Review,
                docs(
                    "Removes the `indexes` argument of a model's `{{ config(…) }}` call (as `indexes=[…]` or as an `'indexes'` key of a config dict), and `+indexes`/`indexes:` in `dbt_project.yml` and in the `config:` of a properties file. Only the argument and one separating comma go: the rest of the call, or of the YAML, is byte-identical.",
                    "dbt-postgres creates the listed indexes after it builds a table, incremental model, seed, snapshot or materialized view. Snowflake has no indexes; dbt-snowflake does not know the option and silently ignores it, so the config is dead weight that suggests a tuning which no longer happens. Snowflake's nearest tool for large tables is a clustering key, set in dbt with `cluster_by`.",
                    "`{{ config(materialized='table', indexes=[{'columns': ['customer_id']}]) }}` becomes `{{ config(materialized='table') }}`; for a large table, add `cluster_by=['customer_id']` yourself.",
                    "Review: the model builds and returns the same rows; only the lookups the indexes sped up in PostgreSQL lose them. Clustering has a cost of its own, so it is left to you, not added.",
                    "https://docs.getdbt.com/reference/resource-configs/postgres-configs#indexes ; https://docs.getdbt.com/reference/resource-configs/snowflake-configs#configuring-table-clustering ; https://docs.snowflake.com/en/user-guide/tables-clustering-keys",
                ),
            ),
        }
    }
}

/// Whether the variant being checked is one of the model fragment's, whose
/// `{{ config(…) }}` this is: a macro or block variant blanks the model's own
/// text (everything outside the macro and block bodies), a model variant
/// keeps it. A model with no SQL of its own counts when the text is all blank.
pub(super) fn is_model_variant(cx: &RuleContext) -> bool {
    let file = mask::mask_file(cx.original, cx.jinja);
    let Some(model) = file.fragments.first() else {
        return false;
    };
    let bytes = cx.text.as_bytes();
    let in_hole = |i: usize| model.holes.iter().any(|h| h.contains(&i));
    let mut any = false;
    for (i, b) in bytes.iter().enumerate() {
        if !b.is_ascii_whitespace() {
            if !in_hole(i) {
                return true;
            }
            any = true;
        }
    }
    !any
}

/// The model's `{{ config(…) }}` calls with their arguments, once per file
/// (only a model variant sees them).
pub(super) fn config_calls<'c>(cx: &'c RuleContext) -> Vec<(&'c JinjaRegion, args::Items)> {
    let configs: Vec<&JinjaRegion> = cx
        .jinja
        .iter()
        .filter(|r| r.kind == JinjaKind::Expression && r.tag == "config")
        .collect();
    if configs.is_empty() || !is_model_variant(cx) {
        return vec![];
    }
    configs
        .into_iter()
        .filter_map(|r| Some((r, args::call_arguments(cx.original, &r.body)?)))
        .collect()
}

/// A finding that removes the config argument named `key` from each call.
pub(super) fn remove_argument(
    cx: &RuleContext,
    meta: &RuleMeta,
    key: &str,
    message: &str,
    out: &mut Vec<Finding>,
) {
    for (_, call) in config_calls(cx) {
        for (i, item) in call.items.iter().enumerate() {
            if item.key.as_deref() != Some(key) {
                continue;
            }
            let finding = Finding::new(meta, item.range.clone(), message);
            out.push(match args::removal(cx.original, &call, i) {
                Some(edit) => finding.with_edits(vec![edit]),
                None => finding,
            });
        }
    }
}

impl Rule for DbtIndexes {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        remove_argument(cx, &self.meta, "indexes", MESSAGE, out);
    }
}
