//! PG706–PG708: findings on dbt's YAML files. `src/dbt/yaml.rs` makes them;
//! here they are registered so that `pg2sf rules` lists them and
//! `pg2sf explain` documents them. They see no SQL.

use super::{docs, meta, Category, Hooks, Rule, RuleMeta};

struct YamlRule {
    meta: RuleMeta,
}

impl Rule for YamlRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::NONE
    }
}

pub fn rules() -> Vec<Box<dyn Rule>> {
    let rule = |meta| Box::new(YamlRule { meta }) as Box<dyn Rule>;
    vec![
        rule(meta(
            "PG706",
            "dbt-test-sql",
            "SQL in a YAML data test (`expression_is_true`, `where:`, `accepted_values` with `quote: false`) is converted, or reported when it cannot be",
            Category::Review,
            docs(
                "Converts the SQL of `expression:` under `expression_is_true` (dbt_utils, dbt_expectations), of a test's `config: where:`, and of the values of an `accepted_values` test with `quote: false`, as if it were a model's expression; the findings carry the codes of the SQL rules. PG706 itself is reported when such SQL is not a one-line scalar or does not read as PostgreSQL, so it was left as written.",
                "dbt pastes these strings into the SQL of the test: a Postgres-only operator there fails `dbt test` on Snowflake even when every model converts.",
                "`expression: \"note ~ 'gift'\"` becomes `expression: \"regexp_like(note, '.*gift.*')\"` with a PG301 finding; a block scalar (`expression: |`) is reported as PG706.",
                "The categories are those of the SQL rules; PG706 is a review: nothing was changed.",
                "https://docs.getdbt.com/reference/resource-configs/where ; https://github.com/dbt-labs/dbt-utils#expression_is_true-source",
            ),
        )),
        rule(meta(
            "PG707",
            "dbt-profiles-snowflake-target",
            "profiles.yml gains a commented Snowflake target template",
            Category::Review,
            docs(
                "Appends a commented `snowflake:` output (type, account, user, password from an environment variable, role, database, warehouse, schema, threads) to a `profiles.yml` at the project root that has no Snowflake target. The PostgreSQL target stays as it was.",
                "The converted project cannot run until dbt knows how to reach Snowflake; a template with every required field saves the trip to the documentation and keeps credentials out of the file.",
                "A profile with only `type: postgres` outputs ends with `#    snowflake:` / `#      type: snowflake` / … after conversion.",
                "Review: only comments are added; the user fills them in.",
                "https://docs.getdbt.com/docs/core/connect-data-platform/snowflake-setup",
            ),
        )),
        rule(meta(
            "PG708",
            "dbt-postgres-only-package",
            "a package in packages.yml is known to work only on PostgreSQL/Redshift",
            Category::Unconvertible,
            docs(
                "Reports the `package:` entries of `packages.yml`/`dependencies.yml` that are on pg2sf's short list of PostgreSQL/Redshift-only packages (`dbt-labs/redshift`, `fishtown-analytics/redshift`, `fishtown-analytics/postgres`).",
                "Their macros emit PostgreSQL system catalog queries or Postgres-only DDL; on Snowflake they fail at compile or run time.",
                "`- package: dbt-labs/redshift` is reported.",
                "Nothing is rewritten: remove the package and replace what the project uses from it.",
                "https://hub.getdbt.com/",
            ),
        )),
    ]
}
