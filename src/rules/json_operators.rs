//! PG201 and PG202: the JSON access operators `->`, `->>`, `#>` and `#>>`,
//! rewritten as Snowflake bracket subscripts on a VARIANT.

use sqlparser::ast::{BinaryOperator, DataType, Expr, UnaryOperator, Value};
use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;
use crate::source::ByteRange;

const SF_SEMI: &str = "https://docs.snowflake.com/en/user-guide/querying-semistructured";
const SF_TO_CHAR: &str = "https://docs.snowflake.com/en/sql-reference/functions/to_char";
const SF_CONSIDER: &str = "https://docs.snowflake.com/en/user-guide/semistructured-considerations";
const PG_JSON: &str = "https://www.postgresql.org/docs/current/functions-json.html";

/// The same, in full, for the docs.
const TEXT_DOCS: &str = "`::varchar` returns a string value without its quotes, as PostgreSQL does, and a missing key gives NULL in both. It differs in three cases. A nested object or array comes out as JSON text in both, but Snowflake writes it compactly (`{\"a\":1}`) where PostgreSQL's jsonb writes `{\"a\": 1}`. A number is printed from Snowflake's stored number, so `1.50` can come back as `1.5` (PostgreSQL's jsonb keeps the digits as written). A JSON null gives SQL NULL in PostgreSQL; Snowflake's semi-structured considerations page says a cast to string turns a JSON null into SQL NULL, while its TO_VARCHAR page says a JSON null becomes the text 'null': wrap the subscript in `STRIP_NULL_VALUE(…)` where it matters";

/// What `->>` and `#>>` change when their text result becomes `::varchar`.
const TEXT_CAVEAT: &str = "a nested object/array becomes compact JSON text (`{\"a\":1}`, PostgreSQL: `{\"a\": 1}`), numbers can print differently, and a JSON null may give 'null' instead of NULL";

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(JsonArrow::new()), Box::new(JsonPath::new())]
}

/// PG201: `x->'k'`, `x->>'k'`, `x->0`.
pub struct JsonArrow {
    meta: RuleMeta,
}

impl JsonArrow {
    pub fn new() -> Self {
        JsonArrow {
            meta: meta(
                "PG201",
                "json-arrow",
                "`->`/`->>` do not exist in Snowflake; use `x['k']` / `x['k']::varchar`",
                Category::Fix,
                docs(
                    "Rewrites the JSON operators as bracket subscripts on a VARIANT: `x->'k'` becomes `x['k']`, `x->0` becomes `x[0]`, and `x->>'k'` becomes `x['k']::varchar`. Chains such as `a->'b'->>'c'` become `a['b']['c']::varchar`. A left operand that is not a column, a function call, a parenthesised expression or another JSON access is put in parentheses first (`a || b->'k'` is `(a || b)->'k'` in PostgreSQL and becomes `(a || b)['k']`).",
                    "Snowflake has no `->`/`->>` operators; semi-structured values are read with `:`/`.` paths or bracket subscripts, which return VARIANT. Array subscripts are 0-based in both systems.",
                    "`payload->'utm'->>'campaign'` becomes `payload['utm']['campaign']::varchar`.",
                    &format!("`->` is a fix: a missing key gives SQL NULL and a JSON null stays a JSON null in both systems; the operand is assumed to be VARIANT in Snowflake (a column loaded from a json/jsonb column). `->>` is review: {TEXT_DOCS}. A negative index (counted from the end in PostgreSQL) and a key that is not a literal are reported as unconvertible (use `GET(x, key)` or `x[ARRAY_SIZE(x) - n]`)."),
                    &format!("{SF_SEMI} ; {SF_TO_CHAR} ; {SF_CONSIDER} ; https://docs.snowflake.com/en/sql-reference/functions/strip_null_value ; {PG_JSON}"),
                ),
            ),
        }
    }
}

/// PG202: `x #> '{a,b}'`, `x #>> '{a,b}'`.
pub struct JsonPath {
    meta: RuleMeta,
}

impl JsonPath {
    pub fn new() -> Self {
        JsonPath {
            meta: meta(
                "PG202",
                "json-path-operator",
                "`#>`/`#>>` do not exist in Snowflake; use a chain of `['k']` subscripts",
                Category::Fix,
                docs(
                    "Rewrites the JSON path operators with a literal path as bracket subscripts: `x #> '{a,b,0}'` becomes `x['a']['b'][0]` (an all-digit element is an array index) and `x #>> '{a,b}'` becomes `x['a']['b']::varchar`.",
                    "Snowflake has no `#>`/`#>>` operators; a path is a chain of subscripts (or `GET_PATH`).",
                    "`payload #>> '{shipping,zip}'` becomes `payload['shipping']['zip']::varchar`.",
                    "A path of keys with `#>` is a fix. An all-digit element is written as an array index, so the path is review: PostgreSQL also uses such an element as the key \"0\" of an object. `#>>` is review, for the reasons given for `->>` in PG201. A path that is not a literal, or whose elements are quoted, NULL or negative, is reported as unconvertible.",
                    &format!("{SF_SEMI} ; {SF_TO_CHAR} ; {SF_CONSIDER} ; https://docs.snowflake.com/en/sql-reference/functions/strip_null_value ; {PG_JSON}"),
                ),
            ),
        }
    }
}

impl Rule for JsonArrow {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::BINARY_OP
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::BinaryOp { left, op, right } = expr else {
            return;
        };
        let text = match op {
            BinaryOperator::Arrow => false,
            BinaryOperator::LongArrow => true,
            BinaryOperator::Custom(s) if s == "->-" || s == "->>-" => {
                if let Some(range) = finding_range(cx, expr, left) {
                    out.push(negative_index(&self.meta, range));
                }
                return;
            }
            _ => return,
        };
        let Some(range) = finding_range(cx, expr, left) else {
            return;
        };
        match arrow_key(right) {
            Key::Ok => (),
            Key::Negative => {
                out.push(negative_index(&self.meta, range));
                return;
            }
            Key::Other => {
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!(
                            "`{}` with a key that is not a string or integer literal: Snowflake subscripts are written `x['k']`/`x[0]`; rewrite it by hand with `GET(x, key)`",
                            if text { "->>" } else { "->" }
                        ),
                    )
                    .with_category(Category::Unconvertible),
                );
                return;
            }
        }
        let Some(parts) = Parts::find(cx, left, right) else {
            return;
        };
        let tokens = cx.tokens;
        let key_start = tokens.ranges[parts.right.0].start;
        let key_end = tokens.ranges[parts.right.1].end;
        // The operator (and plain whitespace around it) becomes `[`.
        let op_end = if plain_gap(cx, parts.op, parts.right.0) {
            key_start
        } else {
            tokens.ranges[parts.op].end
        };
        let mut edits = wrap_left(cx, left, &parts);
        edits.push(Edit::replace(parts.gap_start(cx)..op_end, "["));
        let (close, category, message) = if text {
            (
                format!("]::{}", cx.kw("varchar")),
                Category::Review,
                format!("`->>` → `[…]::{}`: {TEXT_CAVEAT}", cx.kw("varchar")),
            )
        } else {
            (
                "]".to_string(),
                Category::Fix,
                "`->` → `[…]`: Snowflake reads JSON with subscripts".to_string(),
            )
        };
        edits.push(Edit::insert(key_end, close));
        out.push(
            Finding::new(&self.meta, range, message)
                .with_category(category)
                .with_edits(edits),
        );
    }
}

impl Rule for JsonPath {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::BINARY_OP
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::BinaryOp { left, op, right } = expr else {
            return;
        };
        let text = match op {
            BinaryOperator::HashArrow => false,
            BinaryOperator::HashLongArrow => true,
            _ => return,
        };
        let name = if text { "#>>" } else { "#>" };
        let Some(range) = finding_range(cx, expr, left) else {
            return;
        };
        let tokens = cx.tokens;
        let parts = Parts::find(cx, left, right);
        let literal = match (right.as_ref(), &parts) {
            (Expr::Value(v), Some(p)) => match &v.value {
                Value::SingleQuotedString(s)
                    if cx.src(tokens.ranges[p.right.0].clone()).starts_with('\'') =>
                {
                    Some(s.as_str())
                }
                _ => None,
            },
            _ => None,
        };
        let unconvertible = |why: &str| {
            Finding::new(
                &self.meta,
                range.clone(),
                format!("`{name}` {why}: rewrite it by hand as a chain of `['key']`/`[0]` subscripts or with `GET_PATH(x, 'a.b[0]')`"),
            )
            .with_category(Category::Unconvertible)
        };
        let (Some(literal), Some(parts)) = (literal, parts) else {
            out.push(unconvertible("with a path that is not a string literal"));
            return;
        };
        let path_range = tokens.ranges[parts.right.0].start..tokens.ranges[parts.right.1].end;
        if cx.touches_jinja(&path_range) {
            out.push(unconvertible("with a path that holds Jinja"));
            return;
        }
        let Some(elements) = parse_path(literal) else {
            out.push(unconvertible(
                "with a path whose elements are quoted, NULL, negative or nested",
            ));
            return;
        };
        let mut subscripts = String::new();
        let mut has_index = false;
        for e in &elements {
            match e {
                PathElement::Key(k) => {
                    subscripts.push_str(&format!("['{}']", k.replace('\'', "''")));
                }
                PathElement::Index(i) => {
                    has_index = true;
                    subscripts.push_str(&format!("[{i}]"));
                }
            }
        }
        let mut caveats = Vec::new();
        if has_index {
            caveats.push("an all-digit path element is read as an array index (PostgreSQL also uses it as an object key such as \"0\")".to_string());
        }
        if text {
            subscripts.push_str(&format!("::{}", cx.kw("varchar")));
            caveats.push(TEXT_CAVEAT.to_string());
        }
        let mut edits = wrap_left(cx, left, &parts);
        if plain_gap(cx, parts.op, parts.right.0) {
            edits.push(Edit::replace(
                parts.gap_start(cx)..path_range.end,
                subscripts,
            ));
        } else {
            // Keep a comment between the operator and the path.
            edits.push(Edit::delete(
                parts.gap_start(cx)..tokens.ranges[parts.op].end,
            ));
            edits.push(Edit::replace(path_range, subscripts));
        }
        let (category, message) = if caveats.is_empty() {
            (
                Category::Fix,
                format!("`{name}` → `[…]`: Snowflake reads a JSON path with subscripts"),
            )
        } else {
            (
                Category::Review,
                format!("`{name}` → `[…]`: {}", caveats.join("; ")),
            )
        };
        out.push(
            Finding::new(&self.meta, range, message)
                .with_category(category)
                .with_edits(edits),
        );
    }
}

fn negative_index(meta: &RuleMeta, range: ByteRange) -> Finding {
    Finding::new(
        meta,
        range,
        "JSON array index below zero counts from the end in PostgreSQL; Snowflake subscripts do not: rewrite it by hand as `x[ARRAY_SIZE(x) - n]`",
    )
    .with_category(Category::Unconvertible)
}

enum Key {
    Ok,
    Negative,
    Other,
}

fn arrow_key(right: &Expr) -> Key {
    match right {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(_) => Key::Ok,
            Value::Number(n, _) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                Key::Ok
            }
            _ => Key::Other,
        },
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } if matches!(expr.as_ref(), Expr::Value(v) if matches!(v.value, Value::Number(..))) => {
            Key::Negative
        }
        _ => Key::Other,
    }
}

/// Whether `x->'k'` / `x #> '{…}'` is rewritten (a literal string key, a
/// non-negative integer or a literal path).
fn convertible(expr: &Expr) -> bool {
    match expr {
        Expr::BinaryOp {
            op: BinaryOperator::Arrow,
            right,
            ..
        } => matches!(arrow_key(right), Key::Ok),
        Expr::BinaryOp {
            op: BinaryOperator::HashArrow,
            right,
            ..
        } => {
            matches!(right.as_ref(), Expr::Value(v) if matches!(&v.value, Value::SingleQuotedString(s) if parse_path(s).is_some()))
        }
        _ => false,
    }
}

/// Whether `expr['k']` subscripts `expr` as a whole, so no parentheses are needed.
fn postfix_safe(expr: &Expr) -> bool {
    match expr {
        Expr::Identifier(_)
        | Expr::CompoundIdentifier(_)
        | Expr::Function(_)
        | Expr::Nested(_)
        | Expr::CompoundFieldAccess { .. } => true,
        Expr::BinaryOp { .. } => convertible(expr),
        // `x::jsonb` becomes `parse_json(x)` (PG108) in the same pass; wrapping
        // it in parentheses would clash with that rewrite and leave the chain
        // half converted.
        Expr::Cast { data_type, .. } => matches!(data_type, DataType::JSON | DataType::JSONB),
        _ => false,
    }
}

/// Token positions of a binary JSON operator.
struct Parts {
    left: (usize, usize),
    op: usize,
    right: (usize, usize),
}

impl Parts {
    fn find(cx: &RuleContext, left: &Expr, right: &Expr) -> Option<Parts> {
        let tokens = cx.tokens;
        let (left, op) = operator(cx, left)?;
        let right = tokens.expr_tokens(right)?;
        (tokens.prev_sig(right.0)? == op).then_some(Parts { left, op, right })
    }

    /// Where the replacement of the operator starts: the end of the left
    /// operand when only plain whitespace separates them.
    fn gap_start(&self, cx: &RuleContext) -> usize {
        if plain_gap(cx, self.left.1, self.op) {
            cx.tokens.ranges[self.left.1].end
        } else {
            cx.tokens.ranges[self.op].start
        }
    }
}

/// The left operand's tokens and the operator token after it.
fn operator(cx: &RuleContext, left: &Expr) -> Option<((usize, usize), usize)> {
    let tokens = cx.tokens;
    let left = tokens.expr_tokens(left)?;
    let op = tokens.next_sig(left.1)?;
    matches!(
        tokens.token(op),
        Token::Arrow | Token::LongArrow | Token::HashArrow | Token::HashLongArrow
    )
    .then_some((left, op))
}

/// The range of a JSON operator expression, or of its left operand and
/// operator when the right operand's extent is unknown.
fn finding_range(cx: &RuleContext, expr: &Expr, left: &Expr) -> Option<ByteRange> {
    cx.tokens.expr_range(expr).or_else(|| {
        let (l, op) = operator(cx, left)?;
        Some(cx.tokens.ranges[l.0].start..cx.tokens.ranges[op].end)
    })
}

/// Whether only whitespace (no comment, no Jinja) lies between tokens `a` and `b`.
fn plain_gap(cx: &RuleContext, a: usize, b: usize) -> bool {
    let tokens = cx.tokens;
    let gap = tokens.ranges[a].end..tokens.ranges[b].start;
    (a + 1..b).all(|i| tokens.is_trivia(i) && !tokens.is_comment(i))
        && (gap.is_empty() || !cx.touches_jinja(&gap))
}

/// Parentheses around the left operand when a subscript would bind to part of it.
fn wrap_left(cx: &RuleContext, left: &Expr, parts: &Parts) -> Vec<Edit> {
    if postfix_safe(left) {
        return vec![];
    }
    vec![
        Edit::insert(cx.tokens.ranges[parts.left.0].start, "("),
        Edit::insert(cx.tokens.ranges[parts.left.1].end, ")"),
    ]
}

#[derive(Debug, PartialEq)]
enum PathElement {
    Key(String),
    Index(u64),
}

/// Elements of a text-array path literal such as `{a,b,0}`; `None` for
/// anything but plain unquoted elements.
fn parse_path(literal: &str) -> Option<Vec<PathElement>> {
    let inner = literal.trim().strip_prefix('{')?.strip_suffix('}')?;
    if inner.trim().is_empty() {
        return Some(vec![]);
    }
    inner
        .split(',')
        .map(|raw| {
            let e = raw.trim();
            if e.is_empty()
                || e.eq_ignore_ascii_case("null")
                || e.starts_with('-')
                || e.contains(['"', '\\', '{', '}'])
            {
                return None;
            }
            if e.bytes().all(|b| b.is_ascii_digit()) {
                e.parse().ok().map(PathElement::Index)
            } else {
                Some(PathElement::Key(e.to_string()))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_into_keys_and_indexes() {
        assert_eq!(
            parse_path("{a, b ,0}"),
            Some(vec![
                PathElement::Key("a".into()),
                PathElement::Key("b".into()),
                PathElement::Index(0)
            ])
        );
        assert_eq!(parse_path("{}"), Some(vec![]));
        assert_eq!(parse_path("{a,\"b c\"}"), None);
        assert_eq!(parse_path("{a,NULL}"), None);
        assert_eq!(parse_path("{a,-1}"), None);
        assert_eq!(parse_path("a,b"), None);
    }
}
