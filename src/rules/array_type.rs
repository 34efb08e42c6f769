//! PG107: casts to PostgreSQL array types (`text[]`, `int[]`, …).

use sqlparser::ast::{CastKind, Expr, Value};

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct ArrayType {
    meta: RuleMeta,
}

impl ArrayType {
    pub fn new() -> Self {
        ArrayType {
            meta: meta(
                "PG107",
                "array-type",
                "typed arrays (`text[]`, `int[]`) do not exist in Snowflake",
                Category::Review,
                docs(
                    "Rewrites casts to a PostgreSQL array type. An array literal string becomes an `array_construct(…)` call: `'{}'::text[]` becomes `array_construct()`, `'{a,b}'::text[]` becomes `array_construct('a', 'b')` and `'{1,2}'::int[]` becomes `array_construct(1, 2)`. Any other operand is wrapped in `to_array(…)`: `tags::text[]` becomes `to_array(tags)`, `cast(x as int4[])` becomes `to_array(x)`.",
                    "Snowflake's ARRAY is untyped: its elements are VARIANT. It cannot read PostgreSQL's `'{a,b}'` array literal syntax, so such a string has to be spelled as ARRAY_CONSTRUCT. A bare `::array` is not used for the other operands because the pipeline re-reads its output with a PostgreSQL parser that does not accept it; TO_ARRAY returns an ARRAY (or a VARIANT holding an array) unchanged, which is what the cast does on data that is already an array.",
                    "`coalesce(tags::text[], '{}'::text[])` becomes `coalesce(to_array(tags), array_construct())`.",
                    "An array literal with plain elements is a fix: the elements keep their values (strings for text-like element types, numbers for integer types). `to_array(x)` is review: element types are no longer checked (elements are VARIANT), and it assumes `x` is already an ARRAY in Snowflake: TO_ARRAY turns any other value, such as a text column holding `'{a,b}'`, into a one-element array (`['{a,b}']`) where PostgreSQL parsed the literal; split such text with `split(trim(x, '{}'), ',')` instead. A literal with quoted, NULL or nested elements, or non-empty with another element type, is reported as unconvertible.",
                    "https://docs.snowflake.com/en/sql-reference/data-types-semistructured#array ; https://docs.snowflake.com/en/sql-reference/functions/array_construct ; https://docs.snowflake.com/en/sql-reference/functions/to_array ; https://www.postgresql.org/docs/current/arrays.html#ARRAYS-INPUT",
                ),
            ),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Element {
    Text,
    Integer,
    Other,
}

fn element_kind(base: &str) -> Element {
    let name = base.split('(').next().unwrap_or(base).trim();
    match name {
        "text" | "varchar" | "character varying" | "char" | "character" | "bpchar" | "name"
        | "citext" => Element::Text,
        "int" | "integer" | "int2" | "int4" | "int8" | "smallint" | "bigint" => Element::Integer,
        _ => Element::Other,
    }
}

impl Rule for ArrayType {
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
        let Expr::Cast {
            kind,
            expr: operand,
            ..
        } = expr
        else {
            return;
        };
        let Some(cast) = cx.tokens.cast(expr) else {
            return;
        };
        let (parts, written) = (cast.parts, &*cast.type_text);
        let Some(bracket) = written.find('[') else {
            return;
        };
        let base = &written[..bracket];
        let dimensions = written.matches('[').count();
        let tokens = cx.tokens;
        let whole = tokens.ranges[parts.whole.0].start..tokens.ranges[parts.whole.1].end;
        let operand_range =
            tokens.ranges[parts.operand.0].start..tokens.ranges[parts.operand.1].end;
        let type_end = tokens.ranges[parts.type_name.1].end;

        // A PostgreSQL array literal string.
        if let Expr::Value(v) = operand.as_ref() {
            if let Value::SingleQuotedString(s) = &v.value {
                if cx.src(operand_range.clone()).starts_with('\'') {
                    let unconvertible = |why: &str| {
                        Finding::new(
                            &self.meta,
                            whole.clone(),
                            format!("`{written}` array literal {why}: Snowflake cannot cast such a string to ARRAY; write `array_construct(…)` by hand"),
                        )
                        .with_category(Category::Unconvertible)
                    };
                    if cx.touches_jinja(&operand_range) {
                        out.push(unconvertible("holds Jinja"));
                        return;
                    }
                    let Some(elements) = literal_elements(s) else {
                        out.push(unconvertible("with quoted, NULL or nested elements"));
                        return;
                    };
                    let kind = element_kind(base);
                    let args = match kind {
                        _ if elements.is_empty() => Some(String::new()),
                        _ if dimensions > 1 => None,
                        Element::Text => Some(
                            elements
                                .iter()
                                .map(|e| format!("'{}'", e.replace('\'', "''")))
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                        Element::Integer => elements
                            .iter()
                            .all(|e| is_integer(e))
                            .then(|| elements.join(", ")),
                        Element::Other => None,
                    };
                    let Some(args) = args else {
                        out.push(unconvertible(&format!(
                            "with elements that are not plain {}",
                            match kind {
                                Element::Integer => "integers",
                                _ => "text or integers",
                            }
                        )));
                        return;
                    };
                    let replacement = format!("{}({args})", cx.kw("array_construct"));
                    out.push(
                        Finding::new(
                            &self.meta,
                            whole.clone(),
                            format!("`{written}` array literal → `array_construct(…)`: Snowflake cannot cast PostgreSQL's array literal syntax"),
                        )
                        .with_category(Category::Fix)
                        .with_edits(vec![Edit::replace(whole, replacement)]),
                    );
                    return;
                }
            }
        }

        let edits = match (parts.double_colon, kind) {
            (Some(colons), CastKind::DoubleColon) => {
                cx.cast_as_call(operand, &operand_range, colons, type_end, "to_array")
            }
            (None, CastKind::Cast) if tokens.is_word(parts.whole.0, "cast") => {
                let name = tokens.ranges[parts.whole.0].clone();
                vec![
                    Edit::replace(name.clone(), cx.kw_like(&name, "to_array")),
                    Edit::delete(operand_range.end..type_end),
                ]
            }
            _ => return,
        };
        out.push(
            Finding::new(
                &self.meta,
                whole,
                format!("`{written}` → `to_array(…)`: element types are not checked (elements become VARIANT), and the value must already be an ARRAY in Snowflake; text such as '{{a,b}}' would become the one-element array ['{{a,b}}']"),
            )
            .with_edits(edits),
        );
    }
}

fn is_integer(e: &str) -> bool {
    let digits = e.strip_prefix('-').unwrap_or(e);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Plain elements of a one-dimensional array literal such as `{a,b}`; `None`
/// for quoted, NULL, escaped or nested elements.
fn literal_elements(literal: &str) -> Option<Vec<String>> {
    let inner = literal.trim().strip_prefix('{')?.strip_suffix('}')?;
    if inner.trim().is_empty() {
        return Some(vec![]);
    }
    inner
        .split(',')
        .map(|raw| {
            let e = raw.trim();
            (!e.is_empty() && !e.eq_ignore_ascii_case("null") && !e.contains(['"', '\\', '{', '}']))
                .then(|| e.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_literals() {
        assert_eq!(literal_elements("{}"), Some(vec![]));
        assert_eq!(
            literal_elements("{a, b c}"),
            Some(vec!["a".to_string(), "b c".to_string()])
        );
        assert_eq!(literal_elements("{a,NULL}"), None);
        assert_eq!(literal_elements("{\"a,b\"}"), None);
        assert_eq!(literal_elements("{{1},{2}}"), None);
        assert_eq!(literal_elements("[1:1]={1}"), None);
    }
}
