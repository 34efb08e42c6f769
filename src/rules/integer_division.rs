//! PG410: `/` between integers truncates in PostgreSQL.

use sqlparser::ast::{BinaryOperator, Expr};
use sqlparser::tokenizer::Token;

use super::operand_types::{is_integer, is_non_integer};
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct IntegerDivision {
    meta: RuleMeta,
}

impl IntegerDivision {
    pub fn new() -> Self {
        IntegerDivision {
            meta: meta(
                "PG410",
                "integer-division",
                "`/` between integers truncates in PostgreSQL and not in Snowflake",
                Category::Fix,
                docs(
                    "Wraps a division whose operands are both known integers (integer literals, casts to int/integer/bigint/smallint, `count(…)`, `length(…)`, `strpos(…)`, `row_number()`…, and sums/products of those) in `trunc(…)`: `count(*) / 2` becomes `trunc(count(*) / 2)`. A division where one operand is a known integer and the other's type is unknown (a column, `sum(…)`, `d1 - d2`) is reported for review without an edit.",
                    "PostgreSQL divides two integers with an integer result truncated toward zero (`5 / 2` is 2, `-7 / 2` is -3); Snowflake's `/` always returns a decimal (`5 / 2` is 2.5). Percentages written `100 * part / total` and bucketings written `n / 10` silently change.",
                    "`100 * count(distinct x) / count(*)` becomes `trunc(100 * count(distinct x) / count(*))`; `amount_cents / 100` (column of unknown type) is reported.",
                    "Fix when both operands are known integers: Snowflake's TRUNC rounds toward zero, as PostgreSQL's integer division does, also for negative operands (`trunc(-7 / 2)` is -3), and its result has scale 0; a division by zero fails in both. A division already written as the only argument of `trunc(…)` is left alone. Review (no edit) when only one operand is known to be an integer and the other is not known to be non-integer (numeric or float literal, cast to numeric/float, `avg`…): if the column is an integer, write `trunc(a / b)` yourself; if it is numeric, nothing changes.",
                    "https://docs.snowflake.com/en/sql-reference/operators-arithmetic (division returns a decimal; scale rules) ; https://docs.snowflake.com/en/sql-reference/functions/trunc (rounds toward zero) ; https://www.postgresql.org/docs/current/functions-math.html (integer division truncates the result towards zero)",
                ),
            ),
        }
    }
}

impl Rule for IntegerDivision {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::BINARY_OP
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::BinaryOp {
            left,
            op: BinaryOperator::Divide,
            right,
        } = expr
        else {
            return;
        };
        let both = is_integer(left) && is_integer(right);
        let one = (is_integer(left) && !is_non_integer(right))
            || (is_integer(right) && !is_non_integer(left));
        if !both && !one {
            return;
        }
        let t = cx.tokens;
        let (Some((first, _)), Some((_, last))) = (t.expr_tokens(left), t.expr_tokens(right))
        else {
            return;
        };
        // Already `trunc(a / b)`: nothing to do. (Not `floor(a / b)`: on a
        // negative quotient Snowflake's floor(-3.5) is -4 where PostgreSQL's
        // floor(-7 / 2) is -3.)
        if let (Some(open), Some(close)) = (t.prev_sig(first), t.next_sig(last)) {
            if matches!(t.token(open), Token::LParen)
                && matches!(t.token(close), Token::RParen)
                && t.prev_sig(open)
                    .is_some_and(|name| t.is_word(name, "trunc"))
            {
                return;
            }
        }
        let range = t.ranges[first].start..t.ranges[last].end;
        let written: String = cx.original[range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let written = if written.chars().count() > 40 {
            format!("{}…", written.chars().take(37).collect::<String>())
        } else {
            written
        };
        if both {
            let trunc = cx.kw("trunc");
            out.push(
                Finding::new(
                    &self.meta,
                    range.clone(),
                    format!("`{written}` → `{trunc}(…)`: both operands are integers, PostgreSQL truncates the quotient toward zero and Snowflake's `/` does not"),
                )
                .with_edits(vec![
                    Edit::insert(range.start, format!("{trunc}(")),
                    Edit::insert(range.end, ")"),
                ]),
            );
        } else {
            out.push(
                Finding::new(
                    &self.meta,
                    range,
                    format!("`{written}` not rewritten: one operand is an integer and the other's type is unknown; if both are integers PostgreSQL truncates (5 / 2 = 2) and Snowflake does not (2.5): then write `trunc(…)` around the division"),
                )
                .with_category(Category::Review),
            );
        }
    }
}
