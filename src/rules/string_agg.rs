//! PG501: `string_agg(x, d [order by y])` → `listagg(x, d) [within group (order by y)]`.

use sqlparser::ast::{Expr, Value};

use super::function_renames::{within_group_edits, Call};
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

const EMPTY_NOT_NULL: &str = "LISTAGG returns '' (an empty string), not NULL, when the group has no rows or every value is NULL; wrap it in NULLIF(…, '') where NULL matters";

pub struct StringAgg {
    meta: RuleMeta,
}

impl StringAgg {
    pub fn new() -> Self {
        StringAgg {
            meta: meta(
                "PG501",
                "string-agg",
                "string_agg is LISTAGG in Snowflake, which returns '' where PostgreSQL returns NULL",
                Category::Review,
                docs(
                    "Renames `string_agg` to `listagg` and moves an `ORDER BY` written inside the parentheses after them as `WITHIN GROUP (ORDER BY …)`.",
                    "Snowflake has no string_agg, and its LISTAGG takes the ordering only as a WITHIN GROUP clause. LISTAGG differs in one edge case: with no rows, or only NULL values, it returns an empty string where string_agg returns NULL, so `coalesce(string_agg(…), 'none')` or `… is null` tests behave differently.",
                    "`string_agg(product_name, ', ' order by product_name)` becomes `listagg(product_name, ', ') within group (order by product_name)`; `string_agg(distinct category, ',')` becomes `listagg(distinct category, ',')`.",
                    "Review: the result is '' instead of NULL for a group without non-NULL values (the message says so). Text sort order can also differ where the PostgreSQL collation is not byte order. Not rewritten (unconvertible): a delimiter that is not a string literal (LISTAGG needs a constant), DISTINCT with an ORDER BY on another expression (Snowflake requires the same one), an OVER clause with ORDER BY or a frame (LISTAGG takes only PARTITION BY), and an ORDER BY that holds Jinja. A call with a FILTER clause is left to PG503 first and converted on the next pass.",
                    "https://docs.snowflake.com/en/sql-reference/functions/listagg ; https://www.postgresql.org/docs/current/functions-aggregate.html",
                ),
            ),
        }
    }

    fn unconvertible(&self, range: crate::source::ByteRange, message: &str) -> Finding {
        Finding::new(&self.meta, range, message).with_category(Category::Unconvertible)
    }
}

/// A string literal: the only delimiter LISTAGG is sure to accept.
fn is_string_literal(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Value(v) if matches!(
            v.value,
            Value::SingleQuotedString(_) | Value::DollarQuotedString(_)
        )
    )
}

impl Rule for StringAgg {
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
        if call.name != "string_agg" || call.filter.is_some() {
            // With FILTER, PG503 rewrites the call first; the next pass sees it again.
            return;
        }
        let range = call.range(cx.tokens);
        let Some(args) = call.args() else { return };
        let [value, delimiter] = args.as_slice() else {
            return;
        };
        if !call.func.within_group.is_empty() || call.has_other_clauses() {
            out.push(self.unconvertible(
                range,
                "string_agg with clauses LISTAGG does not take; rewrite it by hand",
            ));
            return;
        }
        if !is_string_literal(delimiter) {
            out.push(self.unconvertible(
                range,
                "string_agg with a delimiter that is not a string literal: Snowflake's LISTAGG needs a constant delimiter; write it as a literal such as ', '",
            ));
            return;
        }
        let order_exprs = call.order_by_exprs();
        if call.is_distinct() && order_exprs.iter().any(|o| *o != *value) {
            out.push(self.unconvertible(
                range,
                "string_agg(distinct …) ordered by another expression: Snowflake's LISTAGG requires DISTINCT and WITHIN GROUP to use the same column; order by the aggregated value or drop DISTINCT",
            ));
            return;
        }
        if call.over_orders() {
            out.push(self.unconvertible(
                range,
                "string_agg as a running window function: Snowflake's LISTAGG takes only PARTITION BY in OVER (no ORDER BY or frame)",
            ));
            return;
        }
        let name = call.name_range(cx.tokens);
        let mut edits = vec![Edit::replace(name.clone(), cx.kw_like(&name, "listagg"))];
        let mut message = String::from("`string_agg` → `listagg`");
        if let Some(clause) = call.order_by_range(cx.tokens) {
            if cx.touches_jinja(&clause) {
                out.push(self.unconvertible(
                    range,
                    "string_agg with an ORDER BY that holds Jinja: LISTAGG needs it as WITHIN GROUP (ORDER BY …) after the call; move it by hand",
                ));
                return;
            }
            let Some(moved) = within_group_edits(&call, cx) else {
                return;
            };
            edits.extend(moved);
            message.push_str(" with the ORDER BY moved to WITHIN GROUP");
        }
        message.push_str(": ");
        message.push_str(EMPTY_NOT_NULL);
        out.push(Finding::new(&self.meta, range, message).with_edits(edits));
    }
}
