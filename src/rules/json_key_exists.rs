//! PG216: the jsonb key-exists operator `x ? 'key'` → `(x['key'] is not null)`.

use sqlparser::ast::{BinaryOperator, Expr};
use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct JsonKeyExists {
    meta: RuleMeta,
}

impl JsonKeyExists {
    pub fn new() -> Self {
        JsonKeyExists {
            meta: meta(
                "PG216",
                "jsonb-key-exists",
                "the jsonb `?` operator does not exist in Snowflake",
                Category::Review,
                docs(
                    "Rewrites `x ? k` as `(x[k] is not null)`: `(` is inserted before `x`, the operator becomes `[` and `] is not null)` is inserted after `k`; neither operand is copied. An operand other than a name, a call, a parenthesised expression or a subscript is parenthesised first (`((a || b)[k] is not null)`). `?|` and `?&` stay reported by PG952.",
                    "Snowflake has no key-exists operator (`?` is not an operator there). `x[key]`, like GET(x, key), returns the key's value, a JSON null being a VARIANT null that IS NOT NULL, and a SQL NULL only when the key is missing, so the test is true exactly when PostgreSQL's `?` finds the key in an object.",
                    "`where field ? 'label'` becomes `where (field['label'] is not null)`.",
                    "Review: PostgreSQL's `?` also matches a string element of a JSON array (`'[\"a\"]' ? 'a'` is true) and a JSON string equal to the key; a text key on an array or a scalar gives NULL, so the rewrite is false there. A NULL `x` or `k` gives NULL in PostgreSQL and false here (the same in a WHERE clause).",
                    "https://docs.snowflake.com/en/sql-reference/functions/get ; https://docs.snowflake.com/en/user-guide/querying-semistructured (bracket notation) ; https://docs.snowflake.com/en/sql-reference/functions/is_null_value (a missing JSON value is SQL NULL; the JSON null value is distinct from SQL NULL) ; https://www.postgresql.org/docs/current/functions-json.html#FUNCTIONS-JSONB-OP-TABLE (jsonb ? text: does the text string exist as a top-level key or array element)",
                ),
            ),
        }
    }
}

impl Rule for JsonKeyExists {
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
        let Expr::BinaryOp {
            left,
            op: BinaryOperator::Question,
            right,
        } = expr
        else {
            return;
        };
        let t = cx.tokens;
        let (Some((left_first, left_last)), Some((right_first, right_last))) =
            (t.expr_tokens(left), t.expr_tokens(right))
        else {
            return;
        };
        let Some(op) = t.next_sig(left_last) else {
            return;
        };
        if !matches!(t.token(op), Token::Question) || t.next_sig(op) != Some(right_first) {
            return;
        }
        // The text between the operands, kept as is when it holds a comment.
        let between = t.ranges[left_last].end..t.ranges[right_first].start;
        let has_comment = (left_last + 1..right_first).any(|j| t.is_comment(j));
        let separator = if has_comment {
            t.ranges[op].clone()
        } else {
            between
        };
        let range = t.ranges[left_first].start..t.ranges[right_last].end;
        if cx.touches_jinja(&separator) {
            return;
        }
        // A subscript binds tighter than any operator, so only a plain
        // operand can take `[k]` without parentheses (Jinja may render to
        // any expression).
        let left_range = t.ranges[left_first].start..t.ranges[left_last].end;
        let plain = !cx.touches_jinja(&left_range)
            && matches!(
                left.as_ref(),
                Expr::Identifier(_)
                    | Expr::CompoundIdentifier(_)
                    | Expr::Function(_)
                    | Expr::Nested(_)
                    | Expr::CompoundFieldAccess { .. }
            );
        let open = if plain { "(" } else { "((" };
        let close = if plain { "[" } else { ")[" };
        let edits = vec![
            Edit::insert(t.ranges[left_first].start, open.to_string()),
            Edit::replace(separator, close.to_string()),
            Edit::insert(
                t.ranges[right_last].end,
                format!("] {})", cx.kw("is not null")),
            ),
        ];
        out.push(
            Finding::new(
                &self.meta,
                range,
                "`x ? k` → `(x[k] is not null)`: true when the object has the key, even holding JSON null; check the values: PostgreSQL's `?` is also true for a JSON array holding the string `k`, where this is false, and gives NULL (not false) for a NULL operand",
            )
            .with_edits(edits),
        );
    }
}
