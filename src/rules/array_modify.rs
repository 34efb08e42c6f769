//! PG1003: `array_remove(x, null)` → `array_compact(x)`; `array_prepend(v, x)`
//! → `array_insert(x, 0, v)`; `array_remove`, `array_append`, `array_cat`
//! exist in Snowflake but differ on NULL.

use sqlparser::ast::{Expr, Value};

use super::function_renames::Call;
use super::json_extract::argument_commas;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

const NULL_ARRAY: &str = "a NULL array gives NULL in Snowflake where PostgreSQL treats it as an empty array, and a NULL element is stored as SQL NULL (undefined); elements are VARIANTs";

pub struct ArrayModify {
    meta: RuleMeta,
}

impl ArrayModify {
    pub fn new() -> Self {
        ArrayModify {
            meta: meta(
                "PG1003",
                "array-modify",
                "array_remove(x, null) is ARRAY_COMPACT(x); array_remove/append/prepend/cat exist in Snowflake but differ on NULL",
                Category::Review,
                docs(
                    "Rewrites `array_remove(x, null)` as `array_compact(x)` (the name changes and `, null` is deleted). Rewrites `array_prepend(v, x)` as `array_insert(x, 0, v)` (the arguments' text is swapped). Reports `array_remove(x, v)`, `array_append(x, v)` and `array_cat(a, b)` for review without an edit: Snowflake spells them the same, with the same argument order.",
                    "PostgreSQL's array_remove with NULL removes the NULL elements; Snowflake's ARRAY_REMOVE with NULL returns NULL, while ARRAY_COMPACT removes NULL (and JSON null) elements. Snowflake's ARRAY_PREPEND takes the array first; ARRAY_INSERT at position 0 is written instead, so that the output cannot be read as PostgreSQL's array_prepend again. Snowflake's array functions return NULL when the array argument is NULL, where PostgreSQL's array_append, array_prepend and array_cat treat a NULL array as empty.",
                    "`array_remove(array[r.company_type, e.company_type], null)` becomes `array_compact(array_construct(r.company_type, e.company_type))` (PG120 converts the constructor).",
                    "`array_remove(x, null)` → `array_compact(x)`: safe (a NULL array gives NULL in both). The others are review: a NULL array argument gives NULL in Snowflake where PostgreSQL treats it as empty (`array_append(NULL, 1)` is `{1}`); an appended NULL is stored as SQL NULL (undefined); `array_remove(x, v)` with a `v` that is NULL at run time returns NULL instead of removing the NULL elements, and compares VARIANT elements (a string '5' is not the number 5). Not rewritten (unconvertible): array_prepend with Jinja in an argument (the arguments' text is swapped).",
                    "https://docs.snowflake.com/en/sql-reference/functions/array_compact ; https://docs.snowflake.com/en/sql-reference/functions/array_remove ; https://docs.snowflake.com/en/sql-reference/functions/array_append ; https://docs.snowflake.com/en/sql-reference/functions/array_prepend ; https://docs.snowflake.com/en/sql-reference/functions/array_insert ; https://docs.snowflake.com/en/sql-reference/functions/array_cat ; https://docs.snowflake.com/en/release-notes/bcr-bundles/2023_01/bcr-940 ; https://www.postgresql.org/docs/current/functions-array.html#ARRAY-FUNCTIONS-TABLE",
                ),
            ),
        }
    }
}

fn is_null(e: &Expr) -> bool {
    matches!(e, Expr::Value(v) if matches!(v.value, Value::Null))
}

impl Rule for ArrayModify {
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
        if !matches!(
            call.name.as_str(),
            "array_remove" | "array_append" | "array_prepend" | "array_cat"
        ) {
            return;
        }
        let Some(args) = call.args() else { return };
        let [first, second] = args.as_slice() else {
            return;
        };
        let t = cx.tokens;
        let name = call.name_range(t);
        let written = cx.src(name.clone()).to_string();
        let rename = |target: &str| Edit::replace(name.clone(), cx.kw_like(&name, target));
        let finding = |message: String| Finding::new(&self.meta, call.range(t), message);
        match call.name.as_str() {
            "array_remove" if is_null(second) => {
                let commas = argument_commas(&call, t);
                let (Some(null), [comma]) = (t.expr_range(second), commas.as_slice()) else {
                    return;
                };
                let replacement = cx.kw_like(&name, "array_compact");
                out.push(
                    finding(format!(
                        "`{written}(x, null)` → `{replacement}(x)`: removes the NULL elements"
                    ))
                    .with_category(Category::Fix)
                    .with_edits(vec![
                        rename("array_compact"),
                        Edit::delete(t.ranges[*comma].start..null.end),
                    ]),
                );
            }
            // Snowflake spells these the same: nothing to rewrite, but the
            // NULL behaviour differs.
            "array_remove" => {
                out.push(finding(format!("`{written}` kept as Snowflake's ARRAY_REMOVE: a value to remove that is NULL at run time gives NULL in Snowflake where PostgreSQL removes the NULL elements, and elements compare as VARIANTs (a string '5' is not the number 5)")));
            }
            "array_append" | "array_cat" => {
                out.push(finding(format!(
                    "`{written}` kept as Snowflake's {}: {NULL_ARRAY}",
                    call.name.to_ascii_uppercase()
                )));
            }
            _ => {
                let (Some(a), Some(b)) = (t.expr_range(first), t.expr_range(second)) else {
                    return;
                };
                if cx.touches_jinja(&a) || cx.touches_jinja(&b) {
                    out.push(
                        finding(format!("`{written}` with Jinja in an argument: Snowflake's ARRAY_PREPEND takes the array first; swap the arguments by hand"))
                            .with_category(Category::Unconvertible),
                    );
                    return;
                }
                // ARRAY_INSERT at 0, not ARRAY_PREPEND with the arguments
                // swapped: the output must not read as PostgreSQL's
                // array_prepend on the next pass.
                let replacement = cx.kw_like(&name, "array_insert");
                let (element, array) =
                    (cx.src(a.clone()).to_string(), cx.src(b.clone()).to_string());
                out.push(
                    finding(format!(
                        "`{written}(v, x)` → `{replacement}(x, 0, v)`: {NULL_ARRAY}"
                    ))
                    .with_edits(vec![
                        rename("array_insert"),
                        Edit::replace(a, format!("{array}, 0")),
                        Edit::replace(b, element),
                    ]),
                );
            }
        }
    }
}
