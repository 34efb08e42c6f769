//! PG704: a dispatched macro with a `postgres__` variant and no variant
//! Snowflake can use.

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::jinja::JinjaKind;

pub struct DbtDispatch {
    meta: RuleMeta,
}

impl DbtDispatch {
    pub fn new() -> Self {
        DbtDispatch {
            meta: meta(
                "PG704",
                "dbt-dispatch-postgres-only",
                "a macro dispatched with adapter.dispatch has a `postgres__` variant but no `snowflake__` or `default__` one",
                Category::Review,
                docs(
                    "Reports `{% macro postgres__name(…) %}` in a file that dispatches `name` (`adapter.dispatch('name', …)`) and defines neither `snowflake__name` nor `default__name`.",
                    "On Snowflake, `adapter.dispatch` looks for `snowflake__name`, then `default__name`; with neither, `dbt run` stops with a compilation error. The variants may live in another file or package, so this is a review, not an error.",
                    "A file with `{% macro my_hash(x) %}{{ return(adapter.dispatch('my_hash')(x)) }}{% endmacro %}` and `{% macro postgres__my_hash(x) %}md5({{ x }}){% endmacro %}` is reported at `postgres__my_hash`.",
                    "Nothing is rewritten: write a `snowflake__` (or `default__`) variant.",
                    "https://docs.getdbt.com/reference/dbt-jinja-functions/dispatch",
                ),
            ),
        }
    }
}

/// The name a `{% macro name(…) %}` tag defines.
fn macro_name(tag_body: &str) -> Option<&str> {
    let rest = tag_body.trim().strip_prefix("macro")?.trim_start();
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

impl Rule for DbtDispatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let macros: Vec<(&str, &crate::jinja::JinjaRegion)> = cx
            .jinja
            .iter()
            .filter(|r| r.kind == JinjaKind::Statement && r.tag == "macro")
            .filter_map(|r| Some((macro_name(cx.original.get(r.body.clone())?)?, r)))
            .collect();
        for (name, region) in &macros {
            let Some(base) = name.strip_prefix("postgres__") else {
                continue;
            };
            let defined =
                |prefix: &str| macros.iter().any(|(n, _)| *n == format!("{prefix}{base}"));
            let dispatched = cx.original.contains(&format!("dispatch('{base}'"))
                || cx.original.contains(&format!("dispatch(\"{base}\""));
            if dispatched && !defined("snowflake__") && !defined("default__") {
                out.push(Finding::new(
                    &self.meta,
                    region.range.clone(),
                    format!("`{base}` is dispatched and has a `postgres__` variant but no `snowflake__{base}` or `default__{base}` here: on Snowflake, dispatch fails unless one exists elsewhere; write a `snowflake__{base}`"),
                ));
            }
        }
    }
}
