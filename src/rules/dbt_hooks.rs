//! PG703: the SQL of `pre_hook`/`post_hook` in a model's `{{ config(…) }}`.

use super::dbt_indexes::config_calls;
use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::dbt::args;
use crate::dbt::hooks::{self, Hook};

pub struct DbtHooks {
    meta: RuleMeta,
}

impl DbtHooks {
    pub fn new() -> Self {
        DbtHooks {
            meta: meta(
                "PG703",
                "dbt-hook-sql",
                "hooks: Postgres maintenance dropped, grants to Postgres roles reported, plain SQL converted",
                Category::Review,
                docs(
                    "Reads each `pre_hook`/`post_hook` string of a model's `{{ config(…) }}` (and `+pre-hook`/`+post-hook` in `dbt_project.yml`, `pre_hook`/`post_hook` in a properties file's `config:`). `create index`, `reindex`, `drop index`, `cluster` and hooks calling a macro whose name says it creates indexes are removed (review); `vacuum` and `analyze` are removed (fix); `grant … to <role>` without Snowflake's `role` keyword is reported (unconvertible); any other hook that is plain SQL is converted like a model, and its findings are listed in the message.",
                    "Hooks run on the warehouse after (or before) the model is built: a Postgres-only statement there fails the first `dbt run` on Snowflake even when every model converts.",
                    "`post_hook=[\"vacuum analyze {{ this }}\", \"delete from {{ this }} where note ~ 'test'\"]` becomes `post_hook=[\"delete from {{ this }} where regexp_like(note, '.*test.*')\"]`.",
                    "Index hooks: review (same rows, lookups lose their index; `cluster_by` is the Snowflake tool). VACUUM/ANALYZE: fix (Snowflake does both itself). Grants: not rewritten, since the roles must exist in Snowflake. Converted SQL: the worst category of its findings.",
                    "https://docs.getdbt.com/reference/resource-configs/pre-hook-post-hook ; https://docs.getdbt.com/reference/resource-configs/grants",
                ),
            ),
        }
    }
}

/// The string literals of a hook value: one string, or a list of them, with
/// where each sits in that list (to remove it alone).
fn hook_strings(
    text: &str,
    value: &crate::source::ByteRange,
) -> Vec<(crate::source::ByteRange, Option<(args::Items, usize)>)> {
    if let Some(inner) = args::string_literal(text, value) {
        return vec![(inner, None)];
    }
    if text.as_bytes().get(value.start) != Some(&b'[') {
        return vec![];
    }
    let Some(list) = args::split(text, value.start) else {
        return vec![];
    };
    (0..list.items.len())
        .filter_map(|i| {
            let inner = args::string_literal(text, &list.items[i].range)?;
            Some((inner, Some((list.clone(), i))))
        })
        .collect()
}

impl Rule for DbtHooks {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        for (_, call) in config_calls(cx) {
            for (arg_index, item) in call.items.iter().enumerate() {
                if !matches!(item.key.as_deref(), Some("pre_hook" | "post_hook")) {
                    continue;
                }
                for (inner, in_list) in hook_strings(cx.original, &item.value) {
                    let sql = &cx.original[inner.clone()];
                    let literal = inner.start - 1..inner.end + 1;
                    let quote = cx.original.as_bytes()[literal.start] as char;
                    let finding = match hooks::classify(sql) {
                        Hook::Keep => continue,
                        Hook::Drop { category, message } => {
                            let edit = match &in_list {
                                Some((list, i)) => args::removal(cx.original, list, *i),
                                None => args::removal(cx.original, &call, arg_index),
                            };
                            Finding::new(&self.meta, literal, message)
                                .with_category(category)
                                .with_edits(edit.into_iter().collect())
                        }
                        Hook::Report { category, message } => {
                            Finding::new(&self.meta, literal, message).with_category(category)
                        }
                        Hook::Convert {
                            category,
                            message,
                            output,
                        } => {
                            let edit = crate::dbt::minimal_edit(inner.start, sql, &output);
                            let finding =
                                Finding::new(&self.meta, literal, message).with_category(category);
                            // New text must not end the string it is written into.
                            if edit.replacement.contains(quote) || edit.replacement.contains('\\') {
                                finding.with_category(Category::Unconvertible)
                            } else {
                                finding.with_edits(vec![edit])
                            }
                        }
                    };
                    out.push(finding);
                }
            }
        }
    }
}
