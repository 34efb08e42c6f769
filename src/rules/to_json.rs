//! PG213: `to_json(x)`/`to_jsonb(x)` of a value → `to_variant(x)`; of a
//! whole row, reported.

use std::collections::BTreeSet;
use std::ops::ControlFlow;

use sqlparser::ast::{Expr, TableFactor, Visit, Visitor};

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct ToJson {
    meta: RuleMeta,
}

impl ToJson {
    pub fn new() -> Self {
        ToJson {
            meta: meta(
                "PG213",
                "to-json",
                "to_json(b) of a value is TO_VARIANT in Snowflake; of a row it is reported",
                Category::Review,
                docs(
                    "Renames `to_json(x)`/`to_jsonb(x)` to `to_variant(x)` when `x` is a value (a column, a literal, an expression). When `x` names a table or alias of the query (`to_jsonb(t)`, a whole row) or is `t.*`, the call is reported as unconvertible.",
                    "Snowflake has no to_json(b) of a SQL value; TO_VARIANT wraps any value in a VARIANT, which is what a JSON value is there. Snowflake's own TO_JSON does something else: it serialises a VARIANT to text. A row has no VARIANT form: OBJECT_CONSTRUCT(*) names its keys after the upper-case column names and drops NULL columns.",
                    "`to_jsonb(s.nom)` becomes `to_variant(s.nom)`.",
                    "Review: a text, number, boolean, NULL, JSON or array value gives the same JSON value; a DATE or TIMESTAMP stays a typed value in the VARIANT where PostgreSQL stores its ISO text (`\"2024-01-31T10:00:00\"`), so its text form differs. Not rewritten (unconvertible): a whole row, `to_jsonb(t)` or `to_jsonb(t.*)`; the hint is `OBJECT_CONSTRUCT_KEEP_NULL('col', col, …)` with the lower-case column names as keys.",
                    "https://docs.snowflake.com/en/sql-reference/functions/to_variant ; https://docs.snowflake.com/en/sql-reference/functions/to_json ; https://docs.snowflake.com/en/sql-reference/functions/object_construct_keep_null ; https://www.postgresql.org/docs/current/functions-json.html#FUNCTIONS-JSON-CREATION-TABLE",
                ),
            ),
        }
    }
}

/// The names a FROM clause gives its rows (tables, aliases), lower-case.
#[derive(Default)]
struct RowNames(BTreeSet<String>);

impl Visitor for RowNames {
    type Break = ();

    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<()> {
        let alias = match factor {
            TableFactor::Table { name, alias, .. } => {
                if let Some(last) = name.0.last().and_then(|p| p.as_ident()) {
                    self.0.insert(last.value.to_ascii_lowercase());
                }
                alias
            }
            TableFactor::Derived { alias, .. }
            | TableFactor::Function { alias, .. }
            | TableFactor::UNNEST { alias, .. }
            | TableFactor::TableFunction { alias, .. } => alias,
            _ => &None,
        };
        if let Some(alias) = alias {
            self.0.insert(alias.name.value.to_ascii_lowercase());
        }
        ControlFlow::Continue(())
    }
}

impl Rule for ToJson {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::FUNCTION
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Some(call) = Call::of(expr, cx.tokens) else {
            return;
        };
        if !matches!(call.name.as_str(), "to_json" | "to_jsonb") {
            return;
        }
        let name = call.name_range(cx.tokens);
        let written = cx.src(name.clone()).to_string();
        let row = || {
            Finding::new(
                &self.meta,
                call.range(cx.tokens),
                format!("`{written}` of a whole row: Snowflake's OBJECT_CONSTRUCT(*) names the keys after the UPPER-case column names and drops NULL columns. Hint: `OBJECT_CONSTRUCT_KEEP_NULL('col', col, …)` with the lower-case column names as keys"),
            )
            .with_category(Category::Unconvertible)
        };
        let Some(args) = call.args() else {
            out.push(row());
            return;
        };
        let [value] = args.as_slice() else { return };
        if let Expr::Identifier(ident) = value {
            let mut names = RowNames::default();
            for statement in cx.statements {
                let _ = statement.visit(&mut names);
            }
            if names.0.contains(&ident.value.to_ascii_lowercase()) {
                out.push(row());
                return;
            }
        }
        let replacement = cx.kw_like(&name, "to_variant");
        out.push(
            Finding::new(
                &self.meta,
                name.clone(),
                format!("`{written}` → `{replacement}`: a DATE or TIMESTAMP stays typed in the VARIANT where PostgreSQL stores its ISO text"),
            )
            .with_edits(vec![Edit::replace(name, replacement)]),
        );
    }
}
