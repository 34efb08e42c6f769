//! PG502: `array_agg(x order by y)` → `array_agg(x) within group (order by y)`,
//! and the NULL/empty-group trap of every `array_agg`.

use sqlparser::ast::Expr;

use super::function_renames::{within_group_edits, Call};
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};

const NULLS_AND_EMPTY: &str = "Snowflake's ARRAY_AGG drops NULL values and returns [] (an empty array) for no rows, where PostgreSQL keeps NULL elements and returns NULL";

pub struct ArrayAggOrderBy {
    meta: RuleMeta,
}

impl ArrayAggOrderBy {
    pub fn new() -> Self {
        ArrayAggOrderBy {
            meta: meta(
                "PG502",
                "array-agg",
                "array_agg drops NULLs and returns [] for no rows in Snowflake; its ORDER BY goes in WITHIN GROUP",
                Category::Review,
                docs(
                    "Moves an `ORDER BY` written inside `array_agg(…)` after the call as `WITHIN GROUP (ORDER BY …)`, the only form Snowflake accepts. Every other `array_agg` gets the same review finding, without an edit.",
                    "Snowflake's ARRAY_AGG takes its ordering as WITHIN GROUP. It also differs from PostgreSQL's array_agg in two edge cases that no rewrite removes: NULL inputs are left out of the array (PostgreSQL keeps them as NULL elements), and a query with no input rows gets `[]` (PostgreSQL gets NULL). The result is a semi-structured ARRAY rather than a typed array.",
                    "`array_agg(product_id order by ordered_at)` becomes `array_agg(product_id) within group (order by ordered_at)`.",
                    "Review: array positions shift where NULLs were dropped, and `coalesce(array_agg(…), …)` or `… is null` tests see `[]` instead of NULL (the message says so). Not rewritten (unconvertible): DISTINCT with an ORDER BY on another expression (Snowflake requires the same column in both) and an ORDER BY that holds Jinja. A call with a FILTER clause is left to PG503 first and converted on the next pass.",
                    "https://docs.snowflake.com/en/sql-reference/functions/array_agg ; https://www.postgresql.org/docs/current/functions-aggregate.html",
                ),
            ),
        }
    }
}

impl Rule for ArrayAggOrderBy {
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
        if call.name != "array_agg" || call.filter.is_some() {
            // With FILTER, PG503 rewrites the call first; the next pass sees it again.
            return;
        }
        let range = call.range(cx.tokens);
        let Some(args) = call.args() else { return };
        let [value] = args.as_slice() else { return };
        let Some(clause) = call.order_by_range(cx.tokens) else {
            // Placed on the name alone: when PG212 or PG503 wrote that name
            // (`jsonb_agg` → `array_agg`), the finding lies wholly in written
            // text and yields to the rewrite, whose message names these edge
            // cases already; over the whole call it would run on into the
            // original arguments and be reported a second time.
            out.push(Finding::new(
                &self.meta,
                call.name_range(cx.tokens),
                format!("array_agg: {NULLS_AND_EMPTY}; not rewritten"),
            ));
            return;
        };
        let unconvertible = |message: &str| {
            Finding::new(&self.meta, range.clone(), message).with_category(Category::Unconvertible)
        };
        if call.has_other_clauses() || !call.func.within_group.is_empty() {
            out.push(unconvertible(
                "array_agg with clauses Snowflake's ARRAY_AGG does not take; rewrite it by hand",
            ));
            return;
        }
        if call.is_distinct() && call.order_by_exprs().iter().any(|o| *o != *value) {
            out.push(unconvertible(
                "array_agg(distinct …) ordered by another expression: Snowflake's ARRAY_AGG requires DISTINCT and WITHIN GROUP to use the same column; order by the aggregated value or drop DISTINCT",
            ));
            return;
        }
        if cx.touches_jinja(&clause) {
            out.push(unconvertible(
                "array_agg with an ORDER BY that holds Jinja: Snowflake needs it as WITHIN GROUP (ORDER BY …) after the call; move it by hand",
            ));
            return;
        }
        let Some(edits) = within_group_edits(&call, cx) else {
            return;
        };
        out.push(
            Finding::new(
                &self.meta,
                range,
                format!("array_agg ORDER BY moved to WITHIN GROUP: {NULLS_AND_EMPTY}"),
            )
            .with_edits(edits),
        );
    }
}
