//! PG121: 1-based array subscripts `arr[n]` and slices `arr[a:b]`.

use sqlparser::ast::{AccessExpr, Expr, Subscript, Value};
use sqlparser::tokenizer::Token;

use super::array_constructor::matching_bracket;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct ArraySubscript {
    meta: RuleMeta,
}

impl ArraySubscript {
    pub fn new() -> Self {
        ArraySubscript {
            meta: meta(
                "PG121",
                "array-subscript",
                "array subscripts are 0-based in Snowflake",
                Category::Review,
                docs(
                    "Rewrites a subscript with an integer literal `n ≥ 1` on a base that is certainly a PostgreSQL array (an `ARRAY[…]` constructor or a call of `array_agg`, `string_to_array`, `regexp_split_to_array`) (or `array_construct`/`split`, which pg2sf writes for the last two) as `get(base, n - 1)`: `(array_agg(x order by d desc))[1]` becomes `get((array_agg(x order by d desc)), 0)`. Other subscripts are reported: on a column (its type is unknown to pg2sf: a jsonb value is already 0-based), with an expression index, and slices `a[i:j]`.",
                    "PostgreSQL arrays are 1-based; Snowflake arrays are 0-based, so `arr[1]` silently reads the second element. GET(arr, i) is Snowflake's function form of `arr[i]`; the call (rather than a subscript) also keeps the rewrite from being applied twice.",
                    "`(array_agg(s.date order by s.date desc))[1]` becomes `get((array_agg(s.date order by s.date desc)), 0)`.",
                    "Review: the element is a VARIANT in Snowflake (cast it, e.g. `::varchar` or `::date`, where its type matters: a VARIANT column, JSON-quoted text when cast to a string through other functions); an index past the end gives NULL in both engines. Snowflake's ARRAY_AGG drops NULL values (PG502), so the n-th element can differ when the aggregated values hold NULLs. Unconvertible: column bases, expression indexes and slices (hint: `get(arr, i - 1)`, `array_slice(arr, from - 1, to)`).",
                    "https://docs.snowflake.com/en/sql-reference/functions/get ; https://docs.snowflake.com/en/user-guide/querying-semistructured#accessing-elements-of-an-array-by-index-or-by-slice ; https://docs.snowflake.com/en/developer-guide/snowpark/reference/python/latest/api/snowflake.snowpark.functions.get (get([1, 2, 3], 1) is 2; get([], 1) is NULL) ; https://www.postgresql.org/docs/current/arrays.html#ARRAYS-ACCESSING",
                ),
            ),
        }
    }
}

/// Whether `e` is certainly a PostgreSQL array value.
fn certainly_array(e: &Expr) -> bool {
    match e {
        Expr::Nested(inner) => certainly_array(inner),
        Expr::Array(a) => a.named,
        Expr::Function(f) => {
            let name = f.name.to_string().to_ascii_lowercase();
            matches!(
                name.as_str(),
                "array_agg" | "string_to_array" | "regexp_split_to_array"
                // What pg2sf writes for `ARRAY[…]` and `string_to_array`
                // when the subscript is rewritten in a later pass.
                | "array_construct" | "split"
            )
        }
        _ => false,
    }
}

impl Rule for ArraySubscript {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::COMPOUND_FIELD_ACCESS
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::CompoundFieldAccess { root, access_chain } = expr else {
            return;
        };
        // A string key makes the chain a JSON access: the same in Snowflake.
        let string_key = |index: &Expr| matches!(index, Expr::Value(v) if matches!(v.value, Value::SingleQuotedString(_) | Value::DollarQuotedString(_)));
        // `[0]` is a JSON index (PostgreSQL arrays start at 1).
        let zero = |index: &Expr| matches!(index, Expr::Value(v) if matches!(&v.value, Value::Number(n, _) if n == "0"));
        if access_chain.iter().any(
            |a| matches!(a, AccessExpr::Subscript(Subscript::Index { index }) if string_key(index)),
        ) {
            return;
        }
        let t = cx.tokens;
        let Some((root_first, root_last)) = t.expr_tokens(root) else {
            return;
        };
        // The first subscript of the chain.
        let mut at = root_last;
        for access in access_chain {
            match access {
                AccessExpr::Dot(_) => {
                    let Some(p) = t.next_sig(at) else { return };
                    let Some(n) = t.next_sig(p) else { return };
                    at = n;
                }
                AccessExpr::Subscript(sub) => {
                    let Some(open) = t.next_sig(at) else { return };
                    if !matches!(t.token(open), Token::LBracket) {
                        return;
                    }
                    let Some(close) = matching_bracket(cx, open) else {
                        return;
                    };
                    let subscript = t.ranges[open].start..t.ranges[close].end;
                    let written = cx.src(subscript.clone()).to_string();
                    let index = match sub {
                        Subscript::Index { index } => {
                            if zero(index) {
                                at = close;
                                continue;
                            }
                            match index {
                                Expr::Value(v) => match &v.value {
                                    Value::Number(n, _) => n.parse::<u64>().ok(),
                                    _ => None,
                                },
                                _ => None,
                            }
                        }
                        Subscript::Slice { .. } => None,
                    };
                    let first_subscript = std::ptr::eq(access, &access_chain[0]);
                    match index {
                        Some(n) if n >= 1 && first_subscript && certainly_array(root) => {
                            let get = cx.kw("get");
                            let edits = vec![
                                Edit::insert(t.ranges[root_first].start, format!("{get}(")),
                                Edit::replace(subscript, format!(", {})", n - 1)),
                            ];
                            out.push(
                                Finding::new(
                                    &self.meta,
                                    t.ranges[root_first].start..t.ranges[close].end,
                                    format!("`{written}` → `{get}(…, {})`: Snowflake arrays are 0-based; the element is a VARIANT (cast it where its type matters)", n - 1),
                                )
                                .with_edits(edits),
                            );
                        }
                        _ => {
                            let why = if matches!(sub, Subscript::Slice { .. }) {
                                "a slice: Snowflake has no slice syntax"
                            } else if index.is_none() {
                                "the index is an expression"
                            } else {
                                "the base is not visibly a PostgreSQL array (a jsonb value is already 0-based)"
                            };
                            out.push(
                                Finding::new(
                                    &self.meta,
                                    subscript,
                                    format!("`{written}` not rewritten: {why}. Hint: `get(arr, i - 1)` for a PostgreSQL array (0-based in Snowflake), `array_slice(arr, from - 1, to)` for a slice"),
                                )
                                .with_category(Category::Unconvertible),
                            );
                        }
                    }
                    return;
                }
            }
        }
    }
}
