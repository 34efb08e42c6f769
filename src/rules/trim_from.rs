//! PG604: the SQL-standard `trim(both|leading|trailing 'x' from s)` syntax.

use sqlparser::ast::{Expr, TrimWhereField};
use sqlparser::tokenizer::Token;

use super::substring_from::{enclosing_paren, has_keyword_argument};
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct TrimFrom {
    meta: RuleMeta,
}

impl TrimFrom {
    pub fn new() -> Self {
        TrimFrom {
            meta: meta(
                "PG604",
                "trim-from",
                "TRIM(BOTH/LEADING/TRAILING … FROM …) is not Snowflake syntax",
                Category::Fix,
                docs(
                    "Rewrites `trim(both 'x' from s)` and `trim('x' from s)` as `trim(s, 'x')`, `trim(leading 'x' from s)` as `ltrim(s, 'x')`, `trim(trailing 'x' from s)` as `rtrim(s, 'x')`, and the forms without characters (`trim(both from s)`, `trim(leading from s)`) as `trim(s)` / `ltrim(s)` / `rtrim(s)`. The `both|leading|trailing 'x' from ` words are deleted and `, 'x'` is inserted after `s`; `s` itself is not touched.",
                    "Snowflake's TRIM, LTRIM and RTRIM take the characters to remove as a second argument; the SQL-standard keyword form is a syntax error there.",
                    "`trim(leading '0' from code)` becomes `ltrim(code, '0')`; `trim(both '[]' from replace(s, '''', ''))` becomes `trim(replace(s, '''', ''), '[]')`.",
                    "Safe: in both engines the second argument is a set of characters removed from the chosen end(s) until another character appears, the default is the space character only, and a NULL argument gives NULL. The characters are copied after `s`; when they contain Jinja the construct is reported as unconvertible instead.",
                    "https://docs.snowflake.com/en/sql-reference/functions/trim ; https://docs.snowflake.com/en/sql-reference/functions/ltrim ; https://docs.snowflake.com/en/sql-reference/functions/rtrim ; https://docs.snowflake.com/en/developer-guide/snowpark/reference/python/latest/api/snowflake.snowpark.functions.trim (a set of characters: `EUR 12.96` trimmed of `EURUSD ` is `12.96`) ; https://www.postgresql.org/docs/current/functions-string.html (trim ( [ LEADING | TRAILING | BOTH ] [ characters ] FROM string ))",
                ),
            ),
        }
    }
}

impl Rule for TrimFrom {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR | Hooks::TOKENS
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::TRIM
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::Trim {
            trim_where,
            trim_what,
            expr: operand,
            trim_characters: None,
        } = expr
        else {
            return;
        };
        if trim_where.is_none() && trim_what.is_none() {
            return;
        }
        let t = cx.tokens;
        let Some((op_first, op_last)) = t.expr_tokens(operand) else {
            return;
        };
        // `trim(leading 'x' from s)`, or `trim(trailing s)` without `from`.
        let Some(before) = t.prev_sig(op_first) else {
            return;
        };
        let keyword_form = t.is_word(before, "from")
            || (trim_what.is_none()
                && ["both", "leading", "trailing"]
                    .iter()
                    .any(|w| t.is_word(before, w)));
        if !keyword_form {
            return;
        }
        let Some(open) = enclosing_paren(cx, before) else {
            return;
        };
        let Some(name) = t.prev_sig(open) else { return };
        let Some(close) = t.next_sig(op_last) else {
            return;
        };
        if !t.is_word(name, "trim") || !matches!(t.token(close), Token::RParen) {
            return;
        }
        let Some(first_inside) = t.next_sig(open) else {
            return;
        };
        let range = t.ranges[name].start..t.ranges[close].end;
        let function = match trim_where {
            Some(TrimWhereField::Leading) => "ltrim",
            Some(TrimWhereField::Trailing) => "rtrim",
            Some(TrimWhereField::Both) | None => "trim",
        };
        let mut edits = vec![Edit::delete(
            t.ranges[first_inside].start..t.ranges[op_first].start,
        )];
        if function != "trim" {
            edits.push(Edit::replace(
                t.ranges[name].clone(),
                cx.kw_like(&t.ranges[name], function),
            ));
        }
        if let Some(what) = trim_what.as_deref() {
            let Some(what_range) = t.expr_range(what) else {
                return;
            };
            if cx.touches_jinja(&what_range) {
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        "`trim(… from …)` not rewritten: the characters to trim hold Jinja, which pg2sf does not copy. Hint: write `trim(s, chars)`, `ltrim(s, chars)` for LEADING, `rtrim(s, chars)` for TRAILING",
                    )
                    .with_category(Category::Unconvertible),
                );
                return;
            }
            edits.push(Edit::insert(
                t.ranges[op_last].end,
                format!(", {}", cx.src(what_range)),
            ));
        }
        let written: Vec<&str> = (first_inside..=before)
            .filter(|&j| {
                t.is_word(j, "both") || t.is_word(j, "leading") || t.is_word(j, "trailing")
            })
            .map(|j| t.slice(j))
            .collect();
        let message = format!(
            "`trim({}… from …)` → `{}(…, …)`: Snowflake takes the characters as a second argument",
            written.first().map(|w| format!("{w} ")).unwrap_or_default(),
            cx.kw_like(&t.ranges[name], function)
        );
        out.push(Finding::new(&self.meta, range, message).with_edits(edits));
    }

    /// A keyword-form call the expression walk could not locate is still
    /// reported, so that it never passes through silently.
    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for (i, name) in t.calls() {
            if name != "trim" {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            if !has_keyword_argument(cx, open, close, &["from", "both", "leading", "trailing"]) {
                continue;
            }
            let start = t.ranges[i].start;
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
                    "`trim(… from …)` not rewritten: its arguments could not be located exactly. Hint: write `trim(s, chars)`, `ltrim(s, chars)` for LEADING, `rtrim(s, chars)` for TRAILING",
                )
                .with_category(Category::Unconvertible),
            );
        }
    }
}
