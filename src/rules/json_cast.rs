//! PG108: casts to `json` / `jsonb`.

use sqlparser::ast::{BinaryOperator, CastKind, Expr, Value};

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct JsonCast {
    meta: RuleMeta,
}

impl JsonCast {
    pub fn new() -> Self {
        JsonCast {
            meta: meta(
                "PG108",
                "json-cast",
                "a cast to json/jsonb parses text; in Snowflake that is PARSE_JSON",
                Category::Review,
                docs(
                    "Rewrites a cast to `json` or `jsonb` as `parse_json(…)`: `x::jsonb` and `cast(x as jsonb)` become `parse_json(x)`. Casts to `json[]`/`jsonb[]` are PG107's.",
                    "Snowflake has no JSON type; JSON lives in VARIANT. A cast of a string to VARIANT does not parse it: `'{\"a\": 1}'::variant` is a VARIANT holding that string, so subscripts on it return NULL. PARSE_JSON parses the text into an OBJECT/ARRAY/scalar VARIANT.",
                    "`'{\"analytics\": true}'::jsonb` becomes `parse_json('{\"analytics\": true}')`.",
                    "A fix when the operand is text for sure: a string literal, a `->>`/`#>>` result, a cast to text/varchar or a `||` concatenation. Otherwise review: the rewrite assumes the operand holds JSON text; a column that is already VARIANT in Snowflake needs no cast at all. Differences PARSE_JSON keeps: a duplicate key is an error by default (jsonb keeps the last value), and an empty string gives NULL where PostgreSQL reports an error.",
                    "https://docs.snowflake.com/en/sql-reference/functions/parse_json ; https://docs.snowflake.com/en/sql-reference/data-types-semistructured ; https://www.postgresql.org/docs/current/datatype-json.html",
                ),
            ),
        }
    }
}

impl Rule for JsonCast {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::CAST
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::Cast { expr: operand, .. } = expr else {
            return;
        };
        let Some(cast) = cx.tokens.cast(expr) else {
            return;
        };
        let (parts, written) = (cast.parts, &*cast.type_text);
        if written != "json" && written != "jsonb" {
            return;
        }
        let tokens = cx.tokens;
        let whole = tokens.ranges[parts.whole.0].start..tokens.ranges[parts.whole.1].end;
        let operand_range =
            tokens.ranges[parts.operand.0].start..tokens.ranges[parts.operand.1].end;
        let type_end = tokens.ranges[parts.type_name.1].end;
        let edits = match parts.double_colon {
            Some(colons) => {
                if !matches!(
                    expr,
                    Expr::Cast {
                        kind: CastKind::DoubleColon,
                        ..
                    }
                ) {
                    return;
                }
                cx.cast_as_call(operand, &operand_range, colons, type_end, "parse_json")
            }
            None => {
                let name = tokens.ranges[parts.whole.0].clone();
                if !tokens.is_word(parts.whole.0, "cast") {
                    return;
                }
                vec![
                    Edit::replace(name.clone(), cx.kw_like(&name, "parse_json")),
                    Edit::delete(operand_range.end..type_end),
                ]
            }
        };
        let (category, message) = if is_text(operand) {
            (
                Category::Fix,
                format!("`{written}` cast → `parse_json(…)`: Snowflake parses JSON text with PARSE_JSON"),
            )
        } else {
            let shown = cx.src(operand_range.clone());
            let shown =
                if cx.touches_jinja(&operand_range) || shown.len() > 40 || shown.contains('\n') {
                    "the operand".to_string()
                } else {
                    format!("`{shown}`")
                };
            (
                Category::Review,
                format!("`{written}` cast → `parse_json(…)`: assumes {shown} holds JSON text; if the column is already VARIANT in Snowflake, drop the cast"),
            )
        };
        out.push(
            Finding::new(&self.meta, whole, message)
                .with_category(category)
                .with_edits(edits),
        );
    }
}

/// Whether an expression is text for sure.
fn is_text(expr: &Expr) -> bool {
    match expr {
        Expr::Nested(inner) => is_text(inner),
        Expr::Value(v) => matches!(
            v.value,
            Value::SingleQuotedString(_)
                | Value::EscapedStringLiteral(_)
                | Value::DollarQuotedString(_)
        ),
        Expr::BinaryOp { op, left, right } => match op {
            BinaryOperator::LongArrow | BinaryOperator::HashLongArrow => true,
            // jsonb || jsonb is a JSON concatenation: text only with a text side.
            BinaryOperator::StringConcat => is_text(left) || is_text(right),
            _ => false,
        },
        Expr::Cast { data_type, .. } => {
            let t = data_type.to_string().to_ascii_lowercase();
            t == "text"
                || t.starts_with("varchar")
                || t.starts_with("character varying")
                || t.starts_with("char")
        }
        _ => false,
    }
}
