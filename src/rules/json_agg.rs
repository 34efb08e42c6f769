//! PG212: `json_agg(x)`/`jsonb_agg(x)` → `array_agg(x)`, with an ORDER BY
//! inside moved to WITHIN GROUP.

use sqlparser::ast::Expr;

use super::function_renames::{within_group_edits, Call};
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

const EMPTY: &str =
    "a query with no input rows gets [] (an empty array) where PostgreSQL gets NULL";
const NULLS: &str =
    "NULL inputs are left out of the array where PostgreSQL keeps them as JSON null";
const DATES: &str = "a DATE or TIMESTAMP element stays typed where PostgreSQL stores its ISO text";

/// The functions this rule handles (the `json_*` catch-all PG911 must leave
/// them alone).
pub(super) const FUNCTIONS: &[&str] = &["json_agg", "jsonb_agg"];

pub struct JsonAgg {
    meta: RuleMeta,
}

impl JsonAgg {
    pub fn new() -> Self {
        JsonAgg {
            meta: meta(
                "PG212",
                "json-agg",
                "json(b)_agg is ARRAY_AGG in Snowflake, which drops NULLs and returns [] for no rows",
                Category::Review,
                docs(
                    "Renames `json_agg`/`jsonb_agg` to `array_agg` and moves an `ORDER BY` written inside the call after it as `WITHIN GROUP (ORDER BY …)`, the only form Snowflake accepts.",
                    "Snowflake has no json_agg; ARRAY_AGG aggregates values into a semi-structured ARRAY, which is what a JSON array is there.",
                    "`jsonb_agg(json_build_object('id', id) order by id)` becomes `array_agg(json_build_object('id', id)) within group (order by id)` (PG211 then converts the inner call).",
                    "Review: NULL inputs are left out of Snowflake's array (PostgreSQL keeps them as JSON null, so positions shift); a query with no input rows (no GROUP BY over an empty table, or an empty FILTER) gets `[]` where PostgreSQL gets NULL; a DATE or TIMESTAMP element stays typed where PostgreSQL stores its ISO text. When the aggregated value is a `json(b)_build_object`/`json(b)_build_array` call, which is never NULL, the message leaves the NULL case out. Not rewritten (unconvertible): DISTINCT with an ORDER BY on another expression (Snowflake requires the same expression in both), an ORDER BY that holds Jinja, a running window (`OVER (ORDER BY …)`) and clauses other than ORDER BY. A call with a FILTER clause is left to PG503.",
                    "https://docs.snowflake.com/en/sql-reference/functions/array_agg ; https://www.postgresql.org/docs/current/functions-aggregate.html#FUNCTIONS-AGGREGATE-TABLE",
                ),
            ),
        }
    }
}

/// Whether an aggregated value can never be NULL (a JSON constructor call).
fn never_null(e: &Expr) -> bool {
    let Expr::Function(f) = e else { return false };
    let name = f.name.to_string().to_ascii_lowercase();
    matches!(
        name.as_str(),
        "json_build_object"
            | "jsonb_build_object"
            | "json_build_array"
            | "jsonb_build_array"
            | "object_construct_keep_null"
            | "array_construct"
    )
}

impl Rule for JsonAgg {
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
        if !FUNCTIONS.contains(&call.name.as_str()) || call.filter.is_some() {
            // With FILTER, PG503 decides first.
            return;
        }
        let range = call.range(cx.tokens);
        let name = call.name_range(cx.tokens);
        let written = cx.src(name.clone()).to_string();
        let unconvertible = |why: &str| {
            Finding::new(&self.meta, range.clone(), format!("`{written}` {why}"))
                .with_category(Category::Unconvertible)
        };
        let Some(args) = call.args() else { return };
        let [value] = args.as_slice() else { return };
        if call.has_other_clauses() || !call.func.within_group.is_empty() {
            out.push(unconvertible(
                "with clauses Snowflake's ARRAY_AGG does not take; rewrite it by hand",
            ));
            return;
        }
        if call.over_orders() {
            out.push(unconvertible(
                "as a running window (OVER with ORDER BY or a frame): Snowflake's ARRAY_AGG window takes only PARTITION BY. Hint: aggregate in a subquery and join it back",
            ));
            return;
        }
        let replacement = cx.kw_like(&name, "array_agg");
        let mut edits = vec![Edit::replace(name.clone(), replacement.clone())];
        if let Some(clause) = call.order_by_range(cx.tokens) {
            if call.is_distinct() && call.order_by_exprs().iter().any(|o| *o != *value) {
                out.push(unconvertible(
                    "(distinct …) ordered by another expression: Snowflake's ARRAY_AGG requires DISTINCT and WITHIN GROUP to use the same expression; order by the aggregated value or drop DISTINCT",
                ));
                return;
            }
            if cx.touches_jinja(&clause) {
                out.push(unconvertible(
                    "with an ORDER BY that holds Jinja: Snowflake needs it as WITHIN GROUP (ORDER BY …) after the call; move it by hand",
                ));
                return;
            }
            let Some(moved) = within_group_edits(&call, cx) else {
                return;
            };
            edits.extend(moved);
        }
        let edges = if never_null(value) {
            format!("{EMPTY}; {DATES}")
        } else {
            format!("{NULLS}; {EMPTY}; {DATES}")
        };
        out.push(
            Finding::new(
                &self.meta,
                range,
                format!("`{written}` → `{replacement}`: {edges}"),
            )
            .with_edits(edits),
        );
    }
}
