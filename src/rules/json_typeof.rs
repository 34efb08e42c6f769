//! PG214: `jsonb_typeof(x)` → `decode(typeof(x), 'OBJECT', 'object', …)`,
//! TYPEOF's vocabulary mapped to PostgreSQL's.

use sqlparser::ast::Expr;

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

/// Snowflake TYPEOF result → PostgreSQL jsonb_typeof result. A DATE, TIME,
/// TIMESTAMP or BINARY value in a VARIANT (built by TO_VARIANT or
/// OBJECT_CONSTRUCT from a typed column) is a JSON string in PostgreSQL.
const TYPES: &[(&str, &str)] = &[
    ("OBJECT", "object"),
    ("ARRAY", "array"),
    ("VARCHAR", "string"),
    ("INTEGER", "number"),
    ("DECIMAL", "number"),
    ("DOUBLE", "number"),
    ("BOOLEAN", "boolean"),
    ("NULL_VALUE", "null"),
    ("DATE", "string"),
    ("TIME", "string"),
    ("TIMESTAMP_NTZ", "string"),
    ("TIMESTAMP_LTZ", "string"),
    ("TIMESTAMP_TZ", "string"),
    ("BINARY", "string"),
];

/// The functions this rule handles (the `json_*` catch-all PG911 must leave
/// them alone).
pub(super) const FUNCTIONS: &[&str] = &["json_typeof", "jsonb_typeof"];

pub struct JsonTypeof {
    meta: RuleMeta,
}

impl JsonTypeof {
    pub fn new() -> Self {
        JsonTypeof {
            meta: meta(
                "PG214",
                "json-typeof",
                "jsonb_typeof is TYPEOF in Snowflake, with other type names",
                Category::Fix,
                docs(
                    "Rewrites `jsonb_typeof(x)`/`json_typeof(x)` as `decode(typeof(x), 'OBJECT', 'object', 'ARRAY', 'array', 'VARCHAR', 'string', 'INTEGER', 'number', 'DECIMAL', 'number', 'DOUBLE', 'number', 'BOOLEAN', 'boolean', 'NULL_VALUE', 'null', …)`: the name becomes `decode(typeof` and the mapping is added after the call, so `x` is neither copied nor evaluated twice.",
                    "Snowflake's TYPEOF reports the type of a VARIANT value in its own upper-case vocabulary (OBJECT, ARRAY, VARCHAR, INTEGER, DECIMAL, DOUBLE, BOOLEAN, NULL_VALUE for JSON null), where PostgreSQL's jsonb_typeof answers object, array, string, number, boolean or null. A comparison such as `jsonb_typeof(x) = 'array'` would silently never match without the mapping.",
                    "`jsonb_typeof(payload -> 'items') = 'array'` becomes `decode(typeof(payload['items']), 'OBJECT', 'object', …) = 'array'` (PG201 converts the `->`).",
                    "Safe: every type a JSON value can have maps to PostgreSQL's name; SQL NULL gives NULL in both (DECODE has no NULL search value here, so it returns its NULL default). A DATE, TIME, TIMESTAMP or BINARY value, which a VARIANT can hold when it was built from a typed column, is reported as 'string', as PostgreSQL stores such a value as a JSON string.",
                    "https://docs.snowflake.com/en/sql-reference/functions/typeof ; https://docs.snowflake.com/en/sql-reference/functions/decode ; https://www.postgresql.org/docs/current/functions-json.html#FUNCTIONS-JSON-PROCESSING-TABLE",
                ),
            ),
        }
    }
}

impl Rule for JsonTypeof {
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
        if !FUNCTIONS.contains(&call.name.as_str())
            || call.arg_count() != 1
            || call.args().is_none()
        {
            return;
        }
        let name = call.name_range(cx.tokens);
        let written = cx.src(name.clone()).to_string();
        let head = format!(
            "{}({}",
            cx.kw_like(&name, "decode"),
            cx.kw_like(&name, "typeof")
        );
        let mapping: String = TYPES
            .iter()
            .map(|(sf, pg)| format!(", '{sf}', '{pg}'"))
            .collect();
        let close = cx.tokens.ranges[call.close].end;
        out.push(
            Finding::new(
                &self.meta,
                call.range(cx.tokens),
                format!("`{written}(x)` → `{head}(x), 'OBJECT', 'object', …)`: TYPEOF's type names mapped to PostgreSQL's"),
            )
            .with_edits(vec![
                Edit::replace(name, head),
                Edit::insert(close, format!("{mapping})")),
            ]),
        );
    }
}
