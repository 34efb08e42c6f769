//! PG120: the array constructor `ARRAY[a, b]`.

use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct ArrayConstructor {
    meta: RuleMeta,
}

impl ArrayConstructor {
    pub fn new() -> Self {
        ArrayConstructor {
            meta: meta(
                "PG120",
                "array-constructor",
                "ARRAY[…] / ARRAY(subquery) do not exist in Snowflake",
                Category::Review,
                docs(
                    "Rewrites `ARRAY[a, b]` as `array_construct(a, b)` (the `array[` and `]` tokens are replaced; the elements are not touched) and `array[]` as `array_construct()`. `ARRAY(subquery)` is reported.",
                    "Snowflake builds arrays with ARRAY_CONSTRUCT (or `[…]` constants); `ARRAY[…]` is a syntax error there. Its arrays are untyped: every element is a VARIANT.",
                    "`coalesce(c.company_types, array[]::text[])` becomes `coalesce(c.company_types, array_construct()::array)` (with PG107 for the type); `array['a', 'b']` becomes `array_construct('a', 'b')`.",
                    "Fix for the empty array. Review otherwise: the elements become VARIANTs, so comparing the array or its elements follows VARIANT rules (`'1'` is not `1`), an element read back needs a cast (`arr[0]::varchar`), and a NULL element is kept as SQL NULL (undefined): ARRAY_TO_STRING renders it as an empty string where PostgreSQL skips it. Subscripts on the result are 0-based (see PG121). Unconvertible: `ARRAY(subquery)` (write `(select array_agg(x) from …)`).",
                    "https://docs.snowflake.com/en/sql-reference/functions/array_construct ; https://docs.snowflake.com/en/sql-reference/data-types-semistructured#array ; https://www.postgresql.org/docs/current/sql-expressions.html#SQL-SYNTAX-ARRAY-CONSTRUCTORS",
                ),
            ),
        }
    }
}

/// The `]` that closes the `[` at `open`.
pub(super) fn matching_bracket(cx: &RuleContext, open: usize) -> Option<usize> {
    let t = cx.tokens;
    let mut depth = 0usize;
    for j in open..t.len() {
        match t.token(j) {
            Token::LBracket => depth += 1,
            Token::RBracket => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

impl Rule for ArrayConstructor {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for i in t.words(&["array"]) {
            // `::array(…)` / `as array(…)` / `x.array` are not constructors.
            if let Some(p) = t.prev_sig(i) {
                if matches!(t.token(p), Token::DoubleColon | Token::Period) || t.is_word(p, "as") {
                    continue;
                }
            }
            let Some(n) = t.next_sig(i) else { continue };
            match t.token(n) {
                Token::LParen => {
                    let Some(close) = t.matching_paren(n) else {
                        continue;
                    };
                    out.push(
                        Finding::new(
                            &self.meta,
                            t.ranges[i].start..t.ranges[close].end,
                            "`array(subquery)` not rewritten: Snowflake has no ARRAY(subquery). Hint: write `(select array_agg(x) from …)`",
                        )
                        .with_category(Category::Unconvertible),
                    );
                }
                Token::LBracket => {
                    let Some(close) = matching_bracket(cx, n) else {
                        continue;
                    };
                    let opening = t.ranges[i].start..t.ranges[n].end;
                    let function = cx.kw_like(&t.ranges[i], "array_construct");
                    let edits = vec![
                        Edit::replace(opening, format!("{function}(")),
                        Edit::replace(t.ranges[close].clone(), ")"),
                    ];
                    let empty = t.next_sig(n) == Some(close);
                    let (category, message) = if empty {
                        (
                            Category::Fix,
                            format!("`array[]` → `{function}()`: Snowflake has no ARRAY[…]"),
                        )
                    } else {
                        (
                            Category::Review,
                            format!("`array[…]` → `{function}(…)`: the elements become VARIANTs (compare and read them back with casts: `'1'` is not `1`; a NULL element is kept as SQL NULL)"),
                        )
                    };
                    out.push(
                        Finding::new(&self.meta, t.ranges[i].start..t.ranges[close].end, message)
                            .with_category(category)
                            .with_edits(edits),
                    );
                }
                _ => {}
            }
        }
    }
}
