//! PG1002: `array_length(x, 1)` → `nullif(array_size(x), 0)` and
//! `cardinality(x)` → `array_size(x)`.

use sqlparser::ast::{Expr, Value};

use super::function_renames::Call;
use super::json_extract::argument_commas;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct ArrayLength {
    meta: RuleMeta,
}

impl ArrayLength {
    pub fn new() -> Self {
        ArrayLength {
            meta: meta(
                "PG1002",
                "array-length",
                "array_length(x, 1) is NULLIF(ARRAY_SIZE(x), 0) and cardinality(x) is ARRAY_SIZE(x) in Snowflake",
                Category::Fix,
                docs(
                    "Rewrites `array_length(x, 1)` as `nullif(array_size(x), 0)` (the name becomes `nullif(array_size`, a `)` closes the inner call after `x` and the dimension `1` becomes `0`) and renames `cardinality(x)` to `array_size(x)`.",
                    "Snowflake has neither function and its arrays have no dimensions. ARRAY_SIZE counts the elements of an ARRAY and returns 0 for an empty one, where array_length returns NULL (an empty PostgreSQL array has no dimension 1); NULLIF restores that NULL. cardinality returns 0 for an empty array, like ARRAY_SIZE.",
                    "`array_length(c.eco_organisme_agreements, 1) != 0` becomes `nullif(array_size(c.eco_organisme_agreements), 0) != 0`.",
                    "array_length(x, 1): safe, including the empty array (NULL in both) and a NULL array (NULL in both); the first dimension of a multi-dimensional array is the number of its sub-arrays, which is ARRAY_SIZE of the nested array Snowflake holds. cardinality: review, as PostgreSQL counts every element of a multi-dimensional array where ARRAY_SIZE counts the nested arrays (the message says so); one-dimensional arrays give the same count. Not rewritten (unconvertible): a dimension other than the literal 1 (Snowflake arrays have no dimensions; `array_size(x[0])` counts the second dimension of a nested array).",
                    "https://docs.snowflake.com/en/sql-reference/functions/array_size ; https://docs.snowflake.com/en/sql-reference/functions/nullif ; https://www.postgresql.org/docs/current/functions-array.html#ARRAY-FUNCTIONS-TABLE",
                ),
            ),
        }
    }
}

fn is_one(e: &Expr) -> bool {
    matches!(e, Expr::Value(v) if matches!(&v.value, Value::Number(n, _) if n == "1"))
}

impl Rule for ArrayLength {
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
        let name = call.name_range(cx.tokens);
        let written = cx.src(name.clone()).to_string();
        let Some(args) = call.args() else { return };
        match (call.name.as_str(), args.as_slice()) {
            ("cardinality", [_]) => {
                let replacement = cx.kw_like(&name, "array_size");
                out.push(
                    Finding::new(
                        &self.meta,
                        name.clone(),
                        format!("`{written}` → `{replacement}`: the same count for a one-dimensional array; a multi-dimensional PostgreSQL array counts all its elements where ARRAY_SIZE counts the nested arrays"),
                    )
                    .with_category(Category::Review)
                    .with_edits(vec![Edit::replace(name, replacement)]),
                );
            }
            ("array_length", [_, dimension]) => {
                let t = cx.tokens;
                if !is_one(dimension) {
                    out.push(
                        Finding::new(
                            &self.meta,
                            call.range(t),
                            format!("`{written}` of a dimension other than 1: Snowflake arrays have no dimensions. Hint: `ARRAY_SIZE(x[0])` counts the elements of the first nested array"),
                        )
                        .with_category(Category::Unconvertible),
                    );
                    return;
                }
                let commas = argument_commas(&call, t);
                let (Some(dim), [comma]) = (t.expr_range(dimension), commas.as_slice()) else {
                    return;
                };
                let head = format!(
                    "{}({}",
                    cx.kw_like(&name, "nullif"),
                    cx.kw_like(&name, "array_size")
                );
                out.push(
                    Finding::new(
                        &self.meta,
                        call.range(t),
                        format!("`{written}(x, 1)` → `{head}(x), 0)`: ARRAY_SIZE gives 0 for an empty array where array_length gives NULL"),
                    )
                    .with_edits(vec![
                        Edit::replace(name, head),
                        Edit::insert(t.ranges[*comma].start, ")"),
                        Edit::replace(dim, "0"),
                    ]),
                );
            }
            _ => {}
        }
    }
}
