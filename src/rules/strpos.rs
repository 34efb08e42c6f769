//! PG660: `strpos(s, sub)` → `position(sub, s)`.

use sqlparser::ast::Expr;

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct Strpos {
    meta: RuleMeta,
}

impl Strpos {
    pub fn new() -> Self {
        Strpos {
            meta: meta(
                "PG660",
                "strpos",
                "strpos(s, sub) is POSITION(sub, s) in Snowflake",
                Category::Review,
                docs(
                    "Renames `strpos` to `position` and swaps its two arguments: `strpos(email, '@')` becomes `position('@', email)`. The argument texts trade places; when either holds Jinja the call is reported instead (the text would be copied into the other argument's place).",
                    "Snowflake has no STRPOS function, so the model fails to compile. Its POSITION(expr1, expr2) (and CHARINDEX) searches the first argument in the second, the reverse of strpos.",
                    "`strpos(lower(email), '@') > 0` becomes `position('@', lower(email)) > 0`.",
                    "Review: both return the 1-based character position of the first occurrence, 0 when there is none and NULL when an argument is NULL. The one case pg2sf has not checked against Snowflake itself is an empty substring, for which PostgreSQL returns 1 (the equivalence case runs on the emulator, which agrees).",
                    "https://docs.snowflake.com/en/sql-reference/functions/position ; https://docs.snowflake.com/en/sql-reference/functions/charindex ; https://www.postgresql.org/docs/current/functions-string.html (strpos)",
                ),
            ),
        }
    }
}

impl Rule for Strpos {
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
        if call.name != "strpos" || call.filter.is_some() || call.func.over.is_some() {
            return;
        }
        let name = call.name_range(cx.tokens);
        let written = cx.src(name.clone()).to_string();
        let ranges = call.args().and_then(|args| match args.as_slice() {
            [s, sub] => Some((cx.tokens.expr_range(s)?, cx.tokens.expr_range(sub)?)),
            _ => None,
        });
        let Some((s, sub)) = ranges else {
            out.push(
                Finding::new(
                    &self.meta,
                    name,
                    format!("`{written}` with these arguments was not rewritten: Snowflake has no STRPOS. Hint: write `POSITION(sub, s)` (arguments swapped)"),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        };
        if cx.touches_jinja(&s) || cx.touches_jinja(&sub) {
            out.push(
                Finding::new(
                    &self.meta,
                    name,
                    format!("`{written}` has a Jinja argument, which pg2sf does not move: Snowflake has no STRPOS. Hint: write `POSITION(sub, s)` (arguments swapped)"),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }
        let position = cx.kw_like(&name, "position");
        let (s_text, sub_text) = (
            cx.src(s.clone()).to_string(),
            cx.src(sub.clone()).to_string(),
        );
        out.push(
            Finding::new(
                &self.meta,
                name.clone(),
                format!("`{written}(s, sub)` → `{position}(sub, s)`: Snowflake has no STRPOS; POSITION takes the substring first (an empty substring gives 1 in PostgreSQL)"),
            )
            .with_edits(vec![
                Edit::replace(name, position),
                Edit::replace(s, sub_text),
                Edit::replace(sub, s_text),
            ]),
        );
    }
}
