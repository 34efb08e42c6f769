//! PG661: `concat(a, b, …)` skips NULL arguments in PostgreSQL; each argument
//! that can be NULL gets `coalesce(…, '')` so that Snowflake's CONCAT does too.

use sqlparser::ast::{CastKind, DataType, Expr, ObjectNamePart, Value};

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

/// Functions whose result is text, so `coalesce(f(…), '')` needs no cast.
const TEXT_FUNCTIONS: &[&str] = &[
    "lower",
    "upper",
    "trim",
    "btrim",
    "ltrim",
    "rtrim",
    "lpad",
    "rpad",
    "substr",
    "substring",
    "replace",
    "initcap",
    "split_part",
    "left",
    "right",
    "concat",
    "concat_ws",
    "to_char",
    "md5",
    "translate",
    "reverse",
    "repeat",
    "regexp_replace",
    "string_agg",
];

pub struct ConcatNulls {
    meta: RuleMeta,
}

impl ConcatNulls {
    pub fn new() -> Self {
        ConcatNulls {
            meta: meta(
                "PG661",
                "concat-nulls",
                "concat() skips NULL arguments in PostgreSQL; Snowflake's CONCAT returns NULL",
                Category::Review,
                docs(
                    "Wraps each argument of `concat(…)` that can be NULL in `coalesce(…, '')`, with a cast to varchar unless the argument is visibly text: `concat(first_name, ' ', age)` becomes `concat(coalesce(first_name::varchar, ''), ' ', coalesce(age::varchar, ''))`. Literals are left alone, a NULL literal becomes `''`. An argument that is not a single term (`a + b`) or holds Jinja gets `to_varchar(…)` instead of `::varchar`, so the cast cannot bind to part of it.",
                    "PostgreSQL's concat ignores NULL arguments; Snowflake's CONCAT returns NULL as soon as one argument is NULL, so a label built from an optional column would silently become NULL. The cast keeps COALESCE from trying to read `''` as a number or a date when the argument is not text.",
                    "`concat(code, '-', label)` becomes `concat(coalesce(code::varchar, ''), '-', coalesce(label::varchar, ''))`.",
                    "Review: NULL arguments now give what PostgreSQL gives. A non-text argument is turned into text by Snowflake, as its CONCAT would do anyway, in Snowflake's format: booleans are `true`/`false` (PostgreSQL `t`/`f`), timestamps and floats are written differently. Text, integer, numeric and date arguments give the same text.",
                    "https://docs.snowflake.com/en/sql-reference/functions/concat ; https://docs.snowflake.com/en/sql-reference/functions/coalesce ; https://www.postgresql.org/docs/current/functions-string.html (concat: NULL arguments are ignored)",
                ),
            ),
        }
    }
}

/// What an argument needs.
enum Wrap {
    /// Cannot be NULL (a literal, or already `coalesce(…, '')`).
    Nothing,
    /// The NULL literal: PostgreSQL skips it.
    NullLiteral,
    /// `coalesce(x, '')`: visibly text.
    Coalesce,
    /// `coalesce(x::varchar, '')`: a single term of unknown type.
    CastSuffix,
    /// `coalesce(to_varchar(x), '')`: an operator expression or Jinja.
    CastCall,
}

fn is_text_type(t: &DataType) -> bool {
    matches!(
        t,
        DataType::Text
            | DataType::Varchar(_)
            | DataType::CharacterVarying(_)
            | DataType::Char(_)
            | DataType::Character(_)
            | DataType::String(_)
    )
}

fn function_name(e: &Expr) -> Option<String> {
    let Expr::Function(f) = e else { return None };
    match f.name.0.as_slice() {
        [ObjectNamePart::Identifier(i)] if i.quote_style.is_none() => {
            Some(i.value.to_ascii_lowercase())
        }
        _ => None,
    }
}

fn wrap(arg: &Expr, jinja: bool) -> Wrap {
    match arg {
        Expr::Value(v) => match &v.value {
            Value::Null => Wrap::NullLiteral,
            _ => Wrap::Nothing,
        },
        Expr::Cast { data_type, .. } if is_text_type(data_type) => Wrap::Coalesce,
        Expr::Function(f) => {
            let name = function_name(arg).unwrap_or_default();
            let already = name == "coalesce"
                && match &f.args {
                    sqlparser::ast::FunctionArguments::List(l) => matches!(
                        l.args.last(),
                        Some(sqlparser::ast::FunctionArg::Unnamed(
                            sqlparser::ast::FunctionArgExpr::Expr(Expr::Value(v))
                        )) if matches!(v.value, Value::SingleQuotedString(_))
                    ),
                    _ => false,
                };
            if already {
                Wrap::Nothing
            } else if jinja {
                Wrap::CastCall
            } else if TEXT_FUNCTIONS.contains(&name.as_str()) {
                Wrap::Coalesce
            } else {
                Wrap::CastSuffix
            }
        }
        _ if jinja => Wrap::CastCall,
        Expr::Identifier(_) | Expr::CompoundIdentifier(_) | Expr::Nested(_) => Wrap::CastSuffix,
        Expr::Cast {
            kind: CastKind::DoubleColon | CastKind::Cast,
            ..
        } => Wrap::CastSuffix,
        _ => Wrap::CastCall,
    }
}

impl Rule for ConcatNulls {
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
        if call.name != "concat" || call.func.over.is_some() {
            return;
        }
        let name = call.name_range(cx.tokens);
        let written = cx.src(name.clone()).to_string();
        let Some(args) = call.args() else {
            return;
        };
        let mut edits = Vec::new();
        for arg in args {
            let Some(range) = cx.tokens.expr_range(arg) else {
                out.push(
                    Finding::new(
                        &self.meta,
                        name,
                        format!("`{written}(…)` was not rewritten (an argument's extent is unclear): Snowflake's CONCAT returns NULL when an argument is NULL, PostgreSQL's skips it. Hint: wrap each argument that can be NULL in `COALESCE(x::varchar, '')`"),
                    )
                    .with_category(Category::Unconvertible),
                );
                return;
            };
            let empty = "''".to_string();
            let (coalesce, to_varchar) = (
                cx.kw_like(&name, "coalesce"),
                cx.kw_like(&name, "to_varchar"),
            );
            match wrap(arg, cx.touches_jinja(&range)) {
                Wrap::Nothing => {}
                Wrap::NullLiteral => edits.push(Edit::replace(range, empty)),
                Wrap::Coalesce => {
                    edits.push(Edit::insert(range.start, format!("{coalesce}(")));
                    edits.push(Edit::insert(range.end, ", '')".to_string()));
                }
                Wrap::CastSuffix => {
                    edits.push(Edit::insert(range.start, format!("{coalesce}(")));
                    edits.push(Edit::insert(
                        range.end,
                        format!("::{}, '')", cx.kw_like(&name, "varchar")),
                    ));
                }
                Wrap::CastCall => {
                    edits.push(Edit::insert(
                        range.start,
                        format!("{coalesce}({to_varchar}("),
                    ));
                    edits.push(Edit::insert(range.end, "), '')".to_string()));
                }
            }
        }
        if edits.is_empty() {
            return;
        }
        out.push(
            Finding::new(
                &self.meta,
                name,
                format!("`{written}(…)`: each argument that can be NULL is wrapped in `coalesce(…, '')`, as Snowflake's CONCAT returns NULL where PostgreSQL's skips a NULL; non-text arguments take Snowflake's text format (booleans `true`/`false`, timestamps, floats)"),
            )
            .with_edits(edits),
        );
    }
}
