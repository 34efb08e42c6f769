//! PG705: Jinja branches on `target.type == 'postgres'`.

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::jinja::JinjaKind;

pub struct DbtTargetType {
    meta: RuleMeta,
}

impl DbtTargetType {
    pub fn new() -> Self {
        DbtTargetType {
            meta: meta(
                "PG705",
                "dbt-target-type-postgres",
                "`{% if target.type == 'postgres' %}`: which branch runs changes on Snowflake",
                Category::Review,
                docs(
                    "Reports `{% if %}`/`{% elif %}` tags whose condition compares `target.type` with `'postgres'`.",
                    "On Snowflake the condition turns the other way: the Postgres branch stops running and the other one (often untested) starts. The SQL in both branches is converted, but only the user knows which branch the Snowflake project needs.",
                    "`{% if target.type == 'postgres' %} now() {% else %} current_timestamp {% endif %}` is reported at the `if`.",
                    "Nothing is rewritten.",
                    "https://docs.getdbt.com/reference/dbt-jinja-functions/target",
                ),
            ),
        }
    }
}

impl Rule for DbtTargetType {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        for region in cx
            .jinja
            .iter()
            .filter(|r| r.kind == JinjaKind::Statement && matches!(r.tag.as_str(), "if" | "elif"))
        {
            let Some(body) = cx.original.get(region.body.clone()) else {
                continue;
            };
            let condition: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
            if condition.contains("target.type") && condition.contains("postgres") {
                out.push(Finding::new(
                    &self.meta,
                    region.range.clone(),
                    "this branch depends on `target.type` being `postgres`: on Snowflake the other branch runs; check that it is the SQL you want",
                ));
            }
        }
    }
}
