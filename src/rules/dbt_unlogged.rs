//! PG702: the dbt-postgres config `unlogged` in a model's `{{ config(…) }}`.

use super::dbt_indexes::remove_argument;
use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};

const MESSAGE: &str = "removed `unlogged`, a dbt-postgres config: Snowflake has no unlogged tables; dbt-snowflake builds tables `transient` by default (no Fail-safe), the nearest equivalent";

pub struct DbtUnlogged {
    meta: RuleMeta,
}

impl DbtUnlogged {
    pub fn new() -> Self {
        DbtUnlogged {
            meta: meta(
                "PG702",
                "dbt-unlogged-config",
                "`unlogged=true` in config() is a dbt-postgres option: removed (Snowflake tables are `transient` by default in dbt)",
                Category::Fix,
                docs(
                    "Removes the `unlogged` argument of a model's `{{ config(…) }}` call, and `+unlogged`/`unlogged:` in `dbt_project.yml` and in the `config:` of a properties file, with one separating comma; the rest is byte-identical.",
                    "dbt-postgres creates an unlogged table (no write-ahead log: faster, lost on a crash) when `unlogged` is true. dbt-snowflake does not know the option. Its tables are `transient` unless `transient=false` is set: no Fail-safe period, the cheap storage that unlogged tables were chosen for.",
                    "`{{ config(materialized='table', unlogged=true) }}` becomes `{{ config(materialized='table') }}`.",
                    "Fix: the table holds the same rows; only its durability settings differ, and those are Snowflake's (`transient`).",
                    "https://docs.getdbt.com/reference/resource-configs/postgres-configs#unlogged ; https://docs.getdbt.com/reference/resource-configs/snowflake-configs#transient-tables",
                ),
            ),
        }
    }
}

impl Rule for DbtUnlogged {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        remove_argument(cx, &self.meta, "unlogged", MESSAGE, out);
    }
}
