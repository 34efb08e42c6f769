//! PG215: the function forms of JSON access. `json(b)_array_length(x)` →
//! `array_size(x)`; `json(b)_array_element(_text)(x, i)` and
//! `json(b)_extract_path(_text)(x, 'a', 'b')` → the `->`/`->>` chain they are
//! defined as, which PG201 then converts like any written operator.

use sqlparser::ast::{BinaryOperator, Expr, Value};
use sqlparser::tokenizer::Token;

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;
use crate::parse::Tokens;

/// The functions this rule handles (the `json_*` catch-all PG911 must leave
/// them alone).
pub(super) const FUNCTIONS: &[&str] = &[
    "json_array_length",
    "jsonb_array_length",
    "json_array_element",
    "jsonb_array_element",
    "json_array_element_text",
    "jsonb_array_element_text",
    "json_extract_path",
    "jsonb_extract_path",
    "json_extract_path_text",
    "jsonb_extract_path_text",
];

pub struct JsonExtract {
    meta: RuleMeta,
}

impl JsonExtract {
    pub fn new() -> Self {
        JsonExtract {
            meta: meta(
                "PG215",
                "json-access-functions",
                "json(b)_array_length is ARRAY_SIZE; json(b)_array_element(_text) and json(b)_extract_path(_text) are the -> / ->> chains they stand for",
                Category::Fix,
                docs(
                    "Renames `json_array_length`/`jsonb_array_length` to `array_size`. Rewrites `jsonb_array_element(x, i)` as `(x -> i)`, `jsonb_array_element_text(x, i)` as `(x ->> i)`, `jsonb_extract_path(x, 'a', 'b')` as `(x -> 'a' -> 'b')` and `jsonb_extract_path_text(x, 'a', 'b')` as `(x -> 'a' ->> 'b')` (and the json_ forms alike): only the name and the commas change. PG201 then converts the operators to Snowflake subscripts on the next pass, with its own finding.",
                    "Snowflake has none of these functions. PostgreSQL defines the element and path functions as the functions behind `->`, `->>`, `#>` and `#>>`, so writing them as operators keeps their meaning and lets one rule (PG201) carry the operators' Snowflake translation and its edge cases. ARRAY_SIZE counts the elements of an ARRAY like jsonb_array_length.",
                    "`json_array_element_text(contacts.source, 0)` becomes `(contacts.source ->> 0)`, then `(contacts.source[0]::varchar)`; `jsonb_array_length(m.bordereaux)` becomes `array_size(m.bordereaux)`.",
                    "Safe. jsonb_array_length raises an error on a scalar or object where ARRAY_SIZE returns NULL, which only turns a failing query into one that runs. An operand that is not a name, call, cast or JSON operator chain is wrapped in parentheses, so the operator applies to all of it. Not rewritten (unconvertible): a path element that is not a string literal, or that is all digits (`'0'`: extract_path indexes an array with it but looks it up as a key in an object; which one applies depends on the data), and VARIADIC arguments.",
                    "https://docs.snowflake.com/en/sql-reference/functions/array_size ; https://docs.snowflake.com/en/user-guide/querying-semistructured ; https://www.postgresql.org/docs/current/functions-json.html#FUNCTIONS-JSON-PROCESSING-TABLE",
                ),
            ),
        }
    }
}

/// Whether `->` written after the expression applies to all of it.
fn binds_tighter_than_arrow(e: &Expr) -> bool {
    match e {
        Expr::Identifier(_)
        | Expr::CompoundIdentifier(_)
        | Expr::Function(_)
        | Expr::Nested(_)
        | Expr::Value(_)
        | Expr::Cast { .. } => true,
        Expr::BinaryOp { op, .. } => matches!(
            op,
            BinaryOperator::Arrow
                | BinaryOperator::LongArrow
                | BinaryOperator::HashArrow
                | BinaryOperator::HashLongArrow
        ),
        _ => false,
    }
}

/// Token indexes of the commas that separate a call's arguments.
pub(super) fn argument_commas(call: &Call, t: &Tokens) -> Vec<usize> {
    let mut commas = Vec::new();
    let mut depth = 0usize;
    for j in call.open + 1..call.close {
        match t.token(j) {
            Token::LParen | Token::LBracket => depth += 1,
            Token::RParen | Token::RBracket => depth = depth.saturating_sub(1),
            Token::Comma if depth == 0 => commas.push(j),
            _ => {}
        }
    }
    commas
}

fn path_key(e: &Expr) -> Option<&str> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) if !s.bytes().all(|b| b.is_ascii_digit()) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

impl Rule for JsonExtract {
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
        let name = call
            .name
            .trim_start_matches("jsonb_")
            .trim_start_matches("json_");
        if !FUNCTIONS.contains(&call.name.as_str()) {
            return;
        }
        let name_range = call.name_range(cx.tokens);
        let written = cx.src(name_range.clone()).to_string();
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
                "with VARIADIC or named arguments. Hint: write the path as a chain of `['key']`/`[0]` subscripts",
            ));
            return;
        };
        if name == "array_length" {
            if args.len() != 1 {
                return;
            }
            let replacement = cx.kw_like(&name_range, "array_size");
            out.push(
                Finding::new(
                    &self.meta,
                    name_range.clone(),
                    format!("`{written}` → `{replacement}`"),
                )
                .with_edits(vec![Edit::replace(name_range, replacement)]),
            );
            return;
        }
        let text = name.ends_with("_text");
        let Some((receiver, path)) = args.split_first() else {
            return;
        };
        if name.starts_with("extract_path") {
            if path.is_empty() {
                return;
            }
            if path.iter().any(|p| path_key(p).is_none()) {
                out.push(unconvertible(
                    "with a path element that is not a string literal, or is all digits (an array index or an object key, depending on the data). Hint: write the path as a chain of `['key']`/`[0]` subscripts",
                ));
                return;
            }
        } else if path.len() != 1 {
            return;
        }
        // The commas between the arguments become the operators.
        let t = cx.tokens;
        let commas = argument_commas(&call, t);
        if commas.len() != path.len() {
            return;
        }
        let mut edits = vec![Edit::replace(
            t.ranges[call.name_token].start..t.ranges[call.open].end,
            "(",
        )];
        if !binds_tighter_than_arrow(receiver) {
            let Some(range) = t.expr_range(receiver) else {
                return;
            };
            edits.push(Edit::insert(range.start, "("));
            edits.push(Edit::insert(range.end, ")"));
        }
        let last = commas.len() - 1;
        for (k, comma) in commas.iter().enumerate() {
            let op = if text && k == last { " ->>" } else { " ->" };
            edits.push(Edit::replace(t.ranges[*comma].clone(), op));
        }
        let shown = if text { "->>" } else { "->" };
        out.push(
            Finding::new(
                &self.meta,
                call.range(cx.tokens),
                format!("`{written}(…)` → `(… {shown} …)`, the operator it stands for (PG201 converts it)"),
            )
            .with_edits(edits),
        );
    }
}
