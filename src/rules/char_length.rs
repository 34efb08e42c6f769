//! PG662: `char_length(s)` / `character_length(s)` → `length(s)`.

use sqlparser::ast::Expr;

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct CharLength {
    meta: RuleMeta,
}

impl CharLength {
    pub fn new() -> Self {
        CharLength {
            meta: meta(
                "PG662",
                "char-length",
                "char_length/character_length do not exist in Snowflake; LENGTH counts characters",
                Category::Fix,
                docs(
                    "Renames `char_length` and `character_length` to `length`; only the name token changes, in the case it was written in.",
                    "Snowflake documents LENGTH (and LEN) but no CHAR_LENGTH or CHARACTER_LENGTH, so a model that calls them fails to compile — silently passing them through is what other translators get wrong.",
                    "`where char_length(siret) = 14` becomes `where length(siret) = 14`.",
                    "Safe: both count characters, not bytes (a multi-byte UTF-8 character counts once), and give NULL for NULL. PostgreSQL's char_length ignores the trailing blanks of a `character(n)` value, which has no counterpart in Snowflake (CHAR is VARCHAR there, without padding).",
                    "https://docs.snowflake.com/en/sql-reference/functions/length ; https://www.postgresql.org/docs/current/functions-string.html (char_length, character_length)",
                ),
            ),
        }
    }
}

impl Rule for CharLength {
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
        if !matches!(call.name.as_str(), "char_length" | "character_length")
            || call.arg_count() != 1
        {
            return;
        }
        let range = call.name_range(cx.tokens);
        let written = cx.src(range.clone()).to_string();
        let length = cx.kw_like(&range, "length");
        out.push(
            Finding::new(
                &self.meta,
                range.clone(),
                format!(
                    "`{written}` → `{length}`: Snowflake has no {}; LENGTH counts characters",
                    written.to_ascii_uppercase()
                ),
            )
            .with_edits(vec![Edit::replace(range, length)]),
        );
    }
}
