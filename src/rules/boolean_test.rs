//! PG411: the boolean tests `x IS [NOT] TRUE | FALSE | UNKNOWN`.

use sqlparser::ast::Expr;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct BooleanTest {
    meta: RuleMeta,
}

impl BooleanTest {
    pub fn new() -> Self {
        BooleanTest {
            meta: meta(
                "PG411",
                "is-true-false-unknown",
                "IS [NOT] TRUE/FALSE/UNKNOWN is not in Snowflake's grammar",
                Category::Fix,
                docs(
                    "Rewrites the boolean tests with COALESCE, which gives the same two-valued result: `x is true` → `coalesce(x, false)`, `x is not true` → `coalesce(not x, true)`, `x is false` → `coalesce(not x, false)`, `x is not false` → `coalesce(x, true)`; `x is unknown` → `x is null` and `x is not unknown` → `x is not null`. Text is inserted around `x` (parenthesised after `not` unless it is a name, call or literal) and the `is …` words are replaced; `x` itself is not touched.",
                    "Snowflake accepts IS only with NULL and DISTINCT FROM; `x IS TRUE` is a syntax error there. A plain `x` or `x = true` is not a replacement: it is NULL where `x IS TRUE` is false, which changes `NOT (…)`, CASE and OR results.",
                    "`where is_active is true and is_staff is false` becomes `where coalesce(is_active, false) and coalesce(not is_staff, false)`.",
                    "Safe: for x true, false and NULL the COALESCE forms give exactly the IS test's true/false (never NULL); `IS UNKNOWN` on a boolean is `IS NULL`. The result is a function call, so it binds as the IS test did wherever it stands.",
                    "https://docs.snowflake.com/en/sql-reference/functions/coalesce ; https://docs.snowflake.com/en/sql-reference/functions/is-null ; https://docs.snowflake.com/en/sql-reference/operators-logical (NOT on NULL is NULL) ; https://www.postgresql.org/docs/current/functions-comparison.html (boolean_expression IS TRUE … IS UNKNOWN)",
                ),
            ),
        }
    }
}

/// Whether `not` can stand before `x` without parentheses reading it differently.
fn atomic(x: &Expr) -> bool {
    matches!(
        x,
        Expr::Identifier(_)
            | Expr::CompoundIdentifier(_)
            | Expr::Function(_)
            | Expr::Nested(_)
            | Expr::Value(_)
    )
}

impl Rule for BooleanTest {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR | Hooks::TOKENS
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::BOOLEAN_TEST
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        // (operand, `not` written, the value tested, the COALESCE it becomes)
        let (x, negated, value, rewrite) = match expr {
            Expr::IsTrue(x) => (x, false, "true", Some((false, "false"))),
            Expr::IsNotTrue(x) => (x, true, "true", Some((true, "true"))),
            Expr::IsFalse(x) => (x, false, "false", Some((true, "false"))),
            Expr::IsNotFalse(x) => (x, true, "false", Some((false, "true"))),
            Expr::IsUnknown(x) => (x, false, "unknown", None),
            Expr::IsNotUnknown(x) => (x, true, "unknown", None),
            _ => return,
        };
        let t = cx.tokens;
        let Some((first, last)) = t.expr_tokens(x) else {
            return;
        };
        let Some(is) = t.next_sig(last) else { return };
        if !t.is_word(is, "is") {
            return;
        }
        let Some(mut end) = t.next_sig(is) else {
            return;
        };
        if negated {
            if !t.is_word(end, "not") {
                return;
            }
            let Some(n) = t.next_sig(end) else { return };
            end = n;
        }
        if !t.is_word(end, value) {
            return;
        }
        let range = t.ranges[first].start..t.ranges[end].end;
        let test_range = t.ranges[is].start..t.ranges[end].end;
        let written = cx.src(test_range.clone()).to_string();
        let (edits, became) = match rewrite {
            None => {
                let null = cx.kw_like(&t.ranges[end], "null");
                (
                    vec![Edit::replace(t.ranges[end].clone(), null.clone())],
                    format!("is {}{null}", if negated { "not " } else { "" }),
                )
            }
            Some((not, default)) => {
                let coalesce = cx.kw_like(&test_range, "coalesce");
                let default = cx.kw_like(&test_range, default);
                let mut edits = Vec::new();
                let opening = if not {
                    let not_kw = cx.kw_like(&test_range, "not");
                    if atomic(x) {
                        format!("{coalesce}({not_kw} ")
                    } else {
                        format!("{coalesce}({not_kw} (")
                    }
                } else {
                    format!("{coalesce}(")
                };
                let closing = if not && !atomic(x) {
                    format!("), {default})")
                } else {
                    format!(", {default})")
                };
                edits.push(Edit::insert(t.ranges[first].start, opening.clone()));
                edits.push(Edit::replace(
                    t.ranges[last].end..t.ranges[end].end,
                    closing.clone(),
                ));
                (edits, format!("{opening}…{closing}"))
            }
        };
        out.push(
            Finding::new(
                &self.meta,
                range,
                format!("`… {written}` → `{became}`: Snowflake has no IS TRUE/FALSE/UNKNOWN"),
            )
            .with_edits(edits),
        );
    }

    /// A boolean test the expression walk could not locate is still reported,
    /// so that it never passes through silently.
    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for i in t.words(&["is"]) {
            let Some(mut end) = t.next_sig(i) else {
                continue;
            };
            if t.is_word(end, "not") {
                let Some(n) = t.next_sig(end) else { continue };
                end = n;
            }
            if !["true", "false", "unknown"]
                .iter()
                .any(|w| t.is_word(end, w))
            {
                continue;
            }
            let at = t.ranges[i].start;
            if out
                .iter()
                .any(|f| f.code == self.meta.code && f.range.start < at && at < f.range.end)
            {
                continue;
            }
            out.push(
                Finding::new(
                    &self.meta,
                    at..t.ranges[end].end,
                    format!(
                        "`{}` not rewritten: its operand could not be located exactly. Hint: write `coalesce(x, false)` for IS TRUE, `coalesce(not x, false)` for IS FALSE, `x is null` for IS UNKNOWN",
                        cx.src(at..t.ranges[end].end)
                    ),
                )
                .with_category(Category::Unconvertible),
            );
        }
    }
}
