//! PG603: the SQL-standard `substring(s from a for b)` syntax.

use sqlparser::ast::{Expr, UnaryOperator, Value};
use sqlparser::tokenizer::Token;

use super::operand_types::{is_integer, is_non_integer};
use super::{docs, meta, Category, Finding, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct SubstringFrom {
    meta: RuleMeta,
}

impl SubstringFrom {
    pub fn new() -> Self {
        SubstringFrom {
            meta: meta(
                "PG603",
                "substring-from-for",
                "SUBSTRING(… FROM … FOR …) is not Snowflake syntax",
                Category::Fix,
                docs(
                    "Rewrites `substring(s from a for b)` as `substr(s, a, b)`, `substring(s from a)` as `substr(s, a)` and `substring(s for b)` as `substr(s, 1, b)`: the function name is replaced and the `from`/`for` keywords become commas. The regular-expression forms (`substring(s from 'pattern')`, `substring(s similar … escape …)`) are reported, not rewritten.",
                    "Snowflake's SUBSTR/SUBSTRING take comma-separated arguments only, so the keyword form is a syntax error. With a text second argument, PostgreSQL's `substring(s from p)` is a regular-expression extraction (the first parenthesised group, else the whole match) in PostgreSQL's ARE flavour; Snowflake's REGEXP_SUBSTR(s, p, 1, 1, 'e') is close but its POSIX ERE patterns differ (no `(?:…)`, no non-greedy quantifiers, leftmost-longest vs ARE's group preferences), so the pattern form is left to a person.",
                    "`substring(siret from 1 for 9)` becomes `substr(siret, 1, 9)`; `substring(code for 6)` becomes `substr(code, 1, 6)`.",
                    "Fix when the start is absent or an integer literal ≥ 1 and the length is absent or an integer literal ≥ 0: both engines then count the same characters. Review otherwise: for a start below 1 PostgreSQL counts positions before the first character (`substring('abc' from 0 for 2)` is `'a'`) while Snowflake reads 0 as 1 and a negative start from the end; a negative length is an error in PostgreSQL and `''` in Snowflake. Unconvertible (no edit) when the `from` argument is a string (a pattern) or its type is unknown (a column could be a position or a pattern).",
                    "https://docs.snowflake.com/en/sql-reference/functions/substr ; https://docs.snowflake.com/en/sql-reference/functions/regexp_substr ; https://www.postgresql.org/docs/current/functions-string.html (substring ( string [ FROM start ] [ FOR count ] ), substring ( string FROM pattern ))",
                ),
            ),
        }
    }
}

/// An integer literal, possibly negative.
fn int_literal(e: &Expr) -> Option<i64> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => n.parse().ok(),
            _ => None,
        },
        Expr::Nested(inner) => int_literal(inner),
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => int_literal(expr).map(|v| -v),
        _ => None,
    }
}

/// The `(` that encloses token `i`.
pub(super) fn enclosing_paren(cx: &RuleContext, i: usize) -> Option<usize> {
    let t = cx.tokens;
    let mut depth = 0usize;
    for j in (0..i).rev() {
        match t.token(j) {
            Token::RParen => depth += 1,
            Token::LParen => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Whether a call's parentheses hold a top-level keyword argument.
pub(super) fn has_keyword_argument(
    cx: &RuleContext,
    open: usize,
    close: usize,
    words: &[&str],
) -> bool {
    let t = cx.tokens;
    let mut depth = 0i32;
    (open + 1..close).any(|j| {
        match t.token(j) {
            Token::LParen => depth += 1,
            Token::RParen => depth -= 1,
            _ => {}
        }
        depth == 0 && words.iter().any(|w| t.is_word(j, w))
    })
}

impl Rule for SubstringFrom {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::Substring {
            expr: _,
            substring_from,
            substring_for,
            special: false,
            ..
        } = expr
        else {
            return;
        };
        let t = cx.tokens;
        // The operand's span can be incomplete (a nested `trim(…)`): the call
        // is found from the first keyword argument instead.
        let Some(arg) = substring_from.as_deref().or(substring_for.as_deref()) else {
            return;
        };
        let Some((arg_first, _)) = t.expr_tokens(arg) else {
            return;
        };
        let Some(open) = enclosing_paren(cx, arg_first) else {
            return;
        };
        let Some(name) = t.prev_sig(open) else { return };
        if !t.is_word(name, "substring") {
            return;
        }
        let Some(close) = t.matching_paren(open) else {
            return;
        };
        let range = t.ranges[name].start..t.ranges[close].end;
        // The keyword before an argument, and the text from the end of the
        // previous argument through that keyword (whitespace only) or the
        // keyword alone (a comment sits there).
        let keyword_span = |arg: &Expr, word: &str| -> Option<std::ops::Range<usize>> {
            let (arg_first, _) = t.expr_tokens(arg)?;
            let kw = t.prev_sig(arg_first)?;
            if !t.is_word(kw, word) {
                return None;
            }
            let before = t.prev_sig(kw)?;
            let plain = (before + 1..kw).all(|j| !t.is_comment(j));
            Some(if plain {
                t.ranges[before].end..t.ranges[kw].end
            } else {
                t.ranges[kw].clone()
            })
        };

        let start_ok = match substring_from.as_deref() {
            None => true,
            Some(from) => {
                if is_non_integer(from) || !is_integer(from) {
                    let why = if is_non_integer(from) {
                        "with a text argument `from` takes a regular expression (PostgreSQL's ARE flavour: the first parenthesised group, else the whole match)"
                    } else {
                        "the type of the `from` argument is unknown here: a number is a start position, a text is a regular expression"
                    };
                    out.push(
                        Finding::new(
                            &self.meta,
                            range,
                            format!("`substring(… from …)` not rewritten: {why}. Hint: `substr(s, start, length)` for a position; `regexp_substr(s, pattern, 1, 1, 'e')` for a pattern, after checking it for ARE-only syntax (`(?:…)`, non-greedy quantifiers, `\\y`)"),
                        )
                        .with_category(Category::Unconvertible),
                    );
                    return;
                }
                int_literal(from).is_some_and(|v| v >= 1)
            }
        };
        let length_ok = match substring_for.as_deref() {
            None => true,
            Some(length) => int_literal(length).is_some_and(|v| v >= 0),
        };

        let mut edits = vec![Edit::replace(
            t.ranges[name].clone(),
            cx.kw_like(&t.ranges[name], "substr"),
        )];
        if let Some(from) = substring_from.as_deref() {
            let Some(span) = keyword_span(from, "from") else {
                return;
            };
            edits.push(Edit::replace(span, ","));
        }
        if let Some(length) = substring_for.as_deref() {
            let Some(span) = keyword_span(length, "for") else {
                return;
            };
            let comma = if substring_from.is_some() {
                ","
            } else {
                ", 1,"
            };
            edits.push(Edit::replace(span, comma));
        }
        if edits.iter().any(|e| cx.touches_jinja(&e.range)) {
            return;
        }
        let (category, message) = if start_ok && length_ok {
            (
                Category::Fix,
                "`substring(… from … for …)` → `substr(…, …, …)`: Snowflake has no keyword form"
                    .to_string(),
            )
        } else {
            (
                Category::Review,
                format!(
                    "`substring(… from … for …)` → `substr(…, …, …)`; check the {}: a start below 1 counts positions before the first character in PostgreSQL, while Snowflake reads 0 as 1 and a negative start from the end; a negative length is an error in PostgreSQL and '' in Snowflake",
                    if start_ok { "length" } else { "start" }
                ),
            )
        };
        out.push(
            Finding::new(&self.meta, range, message)
                .with_category(category)
                .with_edits(edits),
        );
    }

    /// A keyword-form call the expression walk could not locate is still
    /// reported, so that it never passes through silently.
    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for (i, name) in t.calls() {
            if name != "substring" {
                continue;
            }
            let Some(open) = t.next_sig(*i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            if !has_keyword_argument(cx, open, close, &["from", "for", "similar"]) {
                continue;
            }
            let start = t.ranges[*i].start;
            if out
                .iter()
                .any(|f| f.code == self.meta.code && f.range.start == start)
            {
                continue;
            }
            out.push(
                Finding::new(
                    &self.meta,
                    start..t.ranges[close].end,
                    "`substring(… from … for …)` not rewritten: its arguments could not be located exactly. Hint: write `substr(s, start, length)`",
                )
                .with_category(Category::Unconvertible),
            );
        }
    }
}
