//! PG423: `count(distinct (a, b))` → `count(distinct a, b)`.

use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr};
use sqlparser::tokenizer::Token;

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct CountDistinctRow {
    meta: RuleMeta,
}

impl CountDistinctRow {
    pub fn new() -> Self {
        CountDistinctRow {
            meta: meta(
                "PG423",
                "count-distinct-row",
                "count(distinct (a, b)) counts row values in PostgreSQL; Snowflake writes COUNT(DISTINCT a, b), which skips rows with a NULL",
                Category::Review,
                docs(
                    "Removes the parentheses of the row value in `count(distinct (a, b))`, giving Snowflake's `count(distinct a, b)`.",
                    "Snowflake has no row-value constructor in COUNT; its COUNT(DISTINCT a, b, …) counts the distinct combinations of several expressions. PostgreSQL's `(a, b)` is one composite value, which is never NULL as a whole, so a combination with a NULL field is counted; Snowflake leaves out every row where one of the expressions is NULL.",
                    "`count(distinct (customer_id, order_date))` becomes `count(distinct customer_id, order_date)`.",
                    "Review: the counts are equal when none of the fields is NULL; each distinct combination that holds a NULL field counts in PostgreSQL and not in Snowflake. Where that matters, count `ARRAY_CONSTRUCT(a, b)` values or replace the NULLs with a sentinel that cannot occur.",
                    "https://docs.snowflake.com/en/sql-reference/functions/count ; https://www.postgresql.org/docs/current/sql-expressions.html#SQL-SYNTAX-ROW-CONSTRUCTORS",
                ),
            ),
        }
    }
}

impl Rule for CountDistinctRow {
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
        if call.name != "count" || !call.is_distinct() {
            return;
        }
        let Some(list) = call.list() else { return };
        let [FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Tuple(fields)))] =
            list.args.as_slice()
        else {
            return;
        };
        if fields.len() < 2 {
            return;
        }
        let t = cx.tokens;
        let Some(distinct) = t.next_sig(call.open) else {
            return;
        };
        let Some(open) = t.next_sig(distinct) else {
            return;
        };
        if !t.is_word(distinct, "distinct") || !matches!(t.token(open), Token::LParen) {
            return;
        }
        let Some(close) = t.matching_paren(open) else {
            return;
        };
        if t.next_sig(close) != Some(call.close) {
            return;
        }
        let range = call.range(t);
        out.push(
            Finding::new(
                &self.meta,
                range,
                "`count(distinct (a, b))` → `count(distinct a, b)`: review: a combination with a NULL field counts in PostgreSQL (a row value is never NULL) but not in Snowflake",
            )
            .with_edits(vec![
                Edit::delete(t.ranges[open].clone()),
                Edit::delete(t.ranges[close].clone()),
            ]),
        );
    }
}
