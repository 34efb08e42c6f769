//! PG211: `json(b)_build_object` → `object_construct_keep_null`,
//! `json(b)_build_array` → `array_construct`.

use std::collections::BTreeSet;

use sqlparser::ast::{Expr, Value};

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

const OBJECT_EDGES: &str = "a DATE or TIMESTAMP value stays typed in the OBJECT (PostgreSQL stores its ISO text, `\"2024-01-31T10:00:00\"`, where Snowflake prints `2024-01-31 10:00:00.000`), and the object's text differs (PostgreSQL's json prints `{\"a\" : 1}` in argument order, Snowflake `{\"a\":1}` in no guaranteed order)";

const ARRAY_EDGES: &str = "a NULL element is stored as SQL NULL (undefined) where PostgreSQL stores JSON null, a DATE or TIMESTAMP element stays typed (PostgreSQL stores its ISO text), and the array's text differs (`[1, 2]` in PostgreSQL, `[1,2]` in Snowflake)";

/// The functions this rule handles (the `json_*` catch-all PG911 must leave
/// them alone).
pub(super) const FUNCTIONS: &[&str] = &[
    "json_build_object",
    "jsonb_build_object",
    "json_build_array",
    "jsonb_build_array",
];

pub struct JsonBuild {
    meta: RuleMeta,
}

impl JsonBuild {
    pub fn new() -> Self {
        JsonBuild {
            meta: meta(
                "PG211",
                "json-build-object",
                "json(b)_build_object is OBJECT_CONSTRUCT_KEEP_NULL and json(b)_build_array is ARRAY_CONSTRUCT in Snowflake",
                Category::Review,
                docs(
                    "Renames `json_build_object`/`jsonb_build_object` to `object_construct_keep_null` and `json_build_array`/`jsonb_build_array` to `array_construct`; the arguments stay as written.",
                    "Snowflake has no json_build_object. Its OBJECT_CONSTRUCT silently drops a pair whose value is NULL, where PostgreSQL keeps it as JSON null; OBJECT_CONSTRUCT_KEEP_NULL keeps it. Both take alternating keys and values.",
                    "`jsonb_build_object('id', s.id, 'nom', s.nom)` becomes `object_construct_keep_null('id', s.id, 'nom', s.nom)`.",
                    "Review. Equal as JSON values for text, number, boolean, NULL and nested JSON values. Different: a DATE or TIMESTAMP value stays a typed value in Snowflake and prints as `2024-01-31 10:00:00.000` where PostgreSQL stores the ISO string `\"2024-01-31T10:00:00\"`; the text form of the result differs (json prints `{\"a\" : 1}` in argument order; Snowflake prints compact JSON and does not keep key order); a key that is not a string literal must be VARCHAR in Snowflake and a NULL key drops the pair where PostgreSQL raises an error. In an array, a NULL element becomes SQL NULL (undefined) rather than JSON null. Not rewritten (unconvertible): the same literal key written twice (PostgreSQL's json keeps both and jsonb the last; Snowflake rejects duplicate keys), an odd number of arguments, and VARIADIC or named arguments.",
                    "https://docs.snowflake.com/en/sql-reference/functions/object_construct_keep_null ; https://docs.snowflake.com/en/sql-reference/functions/object_construct ; https://docs.snowflake.com/en/sql-reference/functions/array_construct ; https://www.postgresql.org/docs/current/functions-json.html#FUNCTIONS-JSON-CREATION-TABLE",
                ),
            ),
        }
    }
}

fn string_literal(e: &Expr) -> Option<&str> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

impl Rule for JsonBuild {
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
        if !FUNCTIONS.contains(&call.name.as_str()) {
            return;
        }
        let is_object = call.name.ends_with("_object");
        let target = if is_object {
            "object_construct_keep_null"
        } else {
            "array_construct"
        };
        let range = call.name_range(cx.tokens);
        let written = cx.src(range.clone()).to_string();
        let unconvertible = |why: &str| {
            Finding::new(
                &self.meta,
                call.range(cx.tokens),
                format!("`{written}` {why}"),
            )
            .with_category(Category::Unconvertible)
        };
        let Some(args) = call
            .args()
            .filter(|_| call.list().is_some_and(|l| l.clauses.is_empty()))
        else {
            out.push(unconvertible(
                "with VARIADIC, named or ordered arguments: Snowflake's OBJECT_CONSTRUCT_KEEP_NULL / ARRAY_CONSTRUCT take plain arguments. Hint: list the keys and values (or elements) one by one",
            ));
            return;
        };
        let mut edges = if is_object { OBJECT_EDGES } else { ARRAY_EDGES }.to_string();
        if is_object {
            if args.len() % 2 != 0 {
                out.push(unconvertible(
                    "with an odd number of arguments: PostgreSQL rejects it too; pair every key with a value",
                ));
                return;
            }
            let mut keys = BTreeSet::new();
            let mut computed_key = false;
            for key in args.iter().step_by(2) {
                match string_literal(key) {
                    Some(k) => {
                        if !keys.insert(k) {
                            out.push(unconvertible(&format!(
                                "with the key '{k}' written twice: PostgreSQL's json keeps both pairs and jsonb the last, Snowflake's OBJECT_CONSTRUCT_KEEP_NULL rejects duplicate keys. Hint: keep the pair that jsonb would keep (the last) and remove the other"
                            )));
                            return;
                        }
                    }
                    None => computed_key = true,
                }
            }
            if computed_key {
                edges.push_str("; a key that is not a string literal must be VARCHAR in Snowflake (cast it), and a NULL key drops its pair where PostgreSQL raises an error");
            }
        }
        let replacement = cx.kw_like(&range, target);
        out.push(
            Finding::new(
                &self.meta,
                range.clone(),
                format!("`{written}` → `{replacement}`: {edges}"),
            )
            .with_edits(vec![Edit::replace(range, replacement)]),
        );
    }
}
