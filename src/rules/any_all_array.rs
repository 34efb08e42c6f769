//! PG412: comparisons with `ANY(array)` / `ALL(array)`.

use sqlparser::ast::{BinaryOperator, DataType, Expr, Value};
use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct AnyAllArray {
    meta: RuleMeta,
}

impl AnyAllArray {
    pub fn new() -> Self {
        AnyAllArray {
            meta: meta(
                "PG412",
                "any-all-array",
                "= ANY(array) / <> ALL(array) do not exist in Snowflake",
                Category::Fix,
                docs(
                    "Rewrites `x = any(array[a, b])` as `x in (a, b)` and `x <> all(array[a, b])` as `x not in (a, b)` (the `= any(array[` and `])` tokens are replaced; the elements are not touched); an array literal `x = any('{a,b}')` becomes `x in ('a', 'b')`. Any other array (a column, `array_agg(…)`, a function) becomes `array_contains(x::variant, arr)` (`not array_contains(…)` for `<> all`). Other comparisons (`< any`, `= all`, …) are reported.",
                    "Snowflake's ANY / ALL take a subquery only; `= any(array)` is a syntax error there.",
                    "`status = any(array['open', 'pending'])` becomes `status in ('open', 'pending')`; `'TRANSPORTER' = any(c.company_types)` becomes `array_contains('TRANSPORTER'::variant, c.company_types)`.",
                    "Fix for an ARRAY[…] constructor or a '{…}' literal: `x = any(array[…])` and `x in (…)` are both the OR of the element comparisons, `x <> all(array[…])` and `x not in (…)` the AND, so NULL elements and a NULL x give NULL in both (e.g. `2 <> all(array[1, null])` and `2 not in (1, null)` are NULL). A '{…}' literal is converted only when its elements are plain (no quotes, braces or backslashes); `NULL` elements become NULL. Review for an array expression: ARRAY_CONTAINS compares VARIANTs (an element `'1'` is not the number 1) and returns FALSE where PostgreSQL returns NULL (no match and a NULL element) and TRUE for a NULL x when the array holds a SQL NULL. Unconvertible for the other comparison operators and for `= all` / `<> any`.",
                    "https://docs.snowflake.com/en/sql-reference/functions/array_contains (VARIANT value, NULL cases) ; https://docs.snowflake.com/en/sql-reference/functions/in ; https://docs.snowflake.com/en/sql-reference/operators-subquery (ANY / ALL take a subquery) ; https://www.postgresql.org/docs/current/functions-comparisons.html#FUNCTIONS-COMPARISONS-ANY-SOME",
                ),
            ),
        }
    }
}

/// The elements of a plain PostgreSQL array literal `{a,b,NULL}` as Snowflake
/// literals, or None when an element needs PostgreSQL's quoting rules.
fn literal_elements(body: &str) -> Option<Vec<String>> {
    let inner = body.trim().strip_prefix('{')?.strip_suffix('}')?;
    if inner.trim().is_empty() {
        return None;
    }
    inner
        .split(',')
        .map(|e| {
            let e = e.trim();
            let plain = !e.is_empty()
                && e.chars()
                    .all(|c| !matches!(c, '"' | '\'' | '\\' | '{' | '}' | '$'));
            if !plain {
                None
            } else if e.eq_ignore_ascii_case("null") {
                Some("NULL".to_string())
            } else {
                Some(format!("'{e}'"))
            }
        })
        .collect()
}

/// Whether `::variant` can follow `x` and apply to all of it.
fn atomic(x: &Expr) -> bool {
    matches!(
        x,
        Expr::Identifier(_)
            | Expr::CompoundIdentifier(_)
            | Expr::Function(_)
            | Expr::Nested(_)
            | Expr::Value(_)
            | Expr::Cast { .. }
    )
}

fn is_comparison(op: &BinaryOperator) -> bool {
    matches!(
        op,
        BinaryOperator::Eq
            | BinaryOperator::NotEq
            | BinaryOperator::Lt
            | BinaryOperator::Gt
            | BinaryOperator::LtEq
            | BinaryOperator::GtEq
    )
}

impl Rule for AnyAllArray {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR | Hooks::TOKENS
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::QUANTIFIED
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let (left, op, right, all) = match expr {
            Expr::AnyOp {
                left,
                compare_op,
                right,
                ..
            } => (left, compare_op, right, false),
            Expr::AllOp {
                left,
                compare_op,
                right,
            } => (left, compare_op, right, true),
            _ => return,
        };
        if !is_comparison(op) || matches!(right.as_ref(), Expr::Subquery(_)) {
            return;
        }
        let t = cx.tokens;
        let Some((first, last)) = t.expr_tokens(left) else {
            return;
        };
        let Some(op_tok) = t.next_sig(last) else {
            return;
        };
        let Some(quant) = t.next_sig(op_tok) else {
            return;
        };
        let Some(open) = t.next_sig(quant) else {
            return;
        };
        if !matches!(t.token(open), Token::LParen)
            || !(t.is_word(quant, "any") || t.is_word(quant, "some") || t.is_word(quant, "all"))
        {
            return;
        }
        let Some(close) = t.matching_paren(open) else {
            return;
        };
        let range = t.ranges[first].start..t.ranges[close].end;
        let written = format!("{} {}", t.slice(op_tok), t.slice(quant));
        let membership = match (op, all) {
            (BinaryOperator::Eq, false) => "in",
            (BinaryOperator::NotEq, true) => "not in",
            _ => {
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}(…)` not rewritten: Snowflake's ANY/ALL take a subquery only. Hint: compare with `(select min(value) from table(flatten(arr)))` / `max`, or rewrite the test with `array_contains`; mind NULL elements"),
                    )
                    .with_category(Category::Unconvertible),
                );
                return;
            }
        };
        let op_to_open = t.ranges[op_tok].start..t.ranges[open].end;
        let in_kw = cx.kw_like(&op_to_open, membership);

        // ARRAY[a, b]: the elements stay where they are.
        if let Expr::Array(array) = right.as_ref() {
            let Some(kw) = t.next_sig(open) else { return };
            let Some(lbracket) = t.next_sig(kw) else {
                return;
            };
            let Some(rbracket) = t.prev_sig(close) else {
                return;
            };
            if array.named
                && !array.elem.is_empty()
                && t.is_word(kw, "array")
                && matches!(t.token(lbracket), Token::LBracket)
                && matches!(t.token(rbracket), Token::RBracket)
            {
                let edits = vec![
                    Edit::replace(
                        t.ranges[op_tok].start..t.ranges[lbracket].end,
                        format!("{in_kw} ("),
                    ),
                    Edit::replace(t.ranges[rbracket].start..t.ranges[close].end, ")"),
                ];
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}(array[…])` → `{in_kw} (…)`: Snowflake's ANY/ALL take a subquery only"),
                    )
                    .with_edits(edits),
                );
                return;
            }
        }

        // '{a,b}' (possibly cast to an array type).
        let literal = match right.as_ref() {
            Expr::Value(v) => Some(v),
            Expr::Cast {
                expr,
                data_type: DataType::Array(_),
                ..
            } => match expr.as_ref() {
                Expr::Value(v) => Some(v),
                _ => None,
            },
            _ => None,
        };
        if let Some(v) = literal {
            let Value::SingleQuotedString(body) = &v.value else {
                return;
            };
            let inside = t.ranges[open].end..t.ranges[close].start;
            match literal_elements(body) {
                Some(elements) if !cx.touches_jinja(&inside) => {
                    let edits = vec![Edit::replace(
                        t.ranges[op_tok].start..t.ranges[close].end,
                        format!("{in_kw} ({})", elements.join(", ")),
                    )];
                    out.push(
                        Finding::new(
                            &self.meta,
                            range,
                            format!("`{written}('{{…}}')` → `{in_kw} (…)`: Snowflake's ANY/ALL take a subquery only"),
                        )
                        .with_edits(edits),
                    );
                }
                _ => out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}('{{…}}')` not rewritten: the array literal has quoted, nested or empty elements. Hint: write `x {membership} ('a', 'b')`"),
                    )
                    .with_category(Category::Unconvertible),
                ),
            }
            return;
        }

        // Any other array: ARRAY_CONTAINS on a VARIANT.
        let contains = cx.kw_like(&op_to_open, "array_contains");
        let variant = cx.kw_like(&op_to_open, "variant");
        let not = if all {
            format!("{} ", cx.kw_like(&op_to_open, "not"))
        } else {
            String::new()
        };
        let (opening, cast) = if atomic(left) {
            (format!("{not}{contains}("), format!("::{variant}, "))
        } else {
            (format!("{not}{contains}(("), format!(")::{variant}, "))
        };
        let edits = vec![
            Edit::insert(t.ranges[first].start, opening),
            Edit::replace(t.ranges[last].end..t.ranges[open].end, cast),
        ];
        out.push(
            Finding::new(
                &self.meta,
                range,
                format!("`{written}(arr)` → `{not}{contains}(x::{variant}, arr)`: check the edge cases: ARRAY_CONTAINS compares VARIANTs (an element '1' is not the number 1), gives FALSE where PostgreSQL gives NULL (no match, a NULL element) and TRUE for a NULL x when the array holds a NULL"),
            )
            .with_category(Category::Review)
            .with_edits(edits),
        );
    }

    /// A quantified comparison the expression walk could not locate is still
    /// reported, so that it never passes through silently.
    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for i in t.words(&["any", "all", "some"]) {
            let Some(p) = t.prev_sig(i) else { continue };
            let comparison = matches!(
                t.token(p),
                Token::Eq | Token::Neq | Token::Lt | Token::Gt | Token::LtEq | Token::GtEq
            ) || t.is_word(p, "like")
                || t.is_word(p, "ilike");
            if !comparison {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            if !matches!(t.token(open), Token::LParen) {
                continue;
            }
            let Some(inner) = t.next_sig(open) else {
                continue;
            };
            if t.is_word(inner, "select") || t.is_word(inner, "with") || t.is_word(inner, "values")
            {
                continue;
            }
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            let at = t.ranges[p].start;
            if out.iter().any(|f| {
                f.range.start <= at
                    && at < f.range.end
                    && f.range.end >= t.ranges[close].end
                    && (f.code == self.meta.code || f.code == "PG301")
            }) {
                continue;
            }
            out.push(
                Finding::new(
                    &self.meta,
                    at..t.ranges[close].end,
                    format!(
                        "`{} {}(…)` not rewritten: Snowflake's ANY/ALL take a subquery only. Hint: write `x IN ('a', 'b')` for a literal array, `ARRAY_CONTAINS(x::variant, arr)` for an array column, `x LIKE ANY ('a%', 'b%')` for patterns",
                        t.slice(p),
                        t.slice(i)
                    ),
                )
                .with_category(Category::Unconvertible),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::literal_elements;

    #[test]
    fn plain_array_literals_only() {
        assert_eq!(
            literal_elements("{a, b ,NULL}"),
            Some(vec!["'a'".into(), "'b'".into(), "NULL".into()])
        );
        assert_eq!(literal_elements("{\"a,b\",c}"), None);
        assert_eq!(literal_elements("{}"), None);
        assert_eq!(literal_elements("{it's}"), None);
    }
}
