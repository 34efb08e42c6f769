//! PG506: `mode() within group (order by x)` → `mode(x)`.

use sqlparser::ast::Expr;
use sqlparser::tokenizer::Token;

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct ModeWithinGroup {
    meta: RuleMeta,
}

impl ModeWithinGroup {
    pub fn new() -> Self {
        ModeWithinGroup {
            meta: meta(
                "PG506",
                "mode-within-group",
                "mode() WITHIN GROUP (ORDER BY x) is written MODE(x) in Snowflake",
                Category::Review,
                docs(
                    "Moves the sort key of PostgreSQL's ordered-set aggregate `mode() within group (order by x)` into the call: `mode(x)`. The key stays where it is; only `) within group (order by` and any ASC/DESC/NULLS after the key are removed.",
                    "Snowflake's MODE takes the value as its argument and has no WITHIN GROUP form, so the PostgreSQL spelling does not compile. Both return the most frequent non-NULL value and NULL when every value is NULL or there are no rows.",
                    "`mode() within group (order by category)` becomes `mode(category)`.",
                    "Review: on a tie between equally frequent values PostgreSQL returns the first of them in the WITHIN GROUP order (the smallest, or the largest with DESC); Snowflake returns any one of them. Where ties can occur and matter, break them explicitly (e.g. `min(x)` over the values with the highest count). Not rewritten: a sort key, or the text removed, that holds Jinja in the removed part.",
                    "https://docs.snowflake.com/en/sql-reference/functions/mode ; https://www.postgresql.org/docs/current/functions-aggregate.html#FUNCTIONS-ORDEREDSET-TABLE",
                ),
            ),
        }
    }
}

impl Rule for ModeWithinGroup {
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
        if call.name != "mode" || call.arg_count() != 0 {
            return;
        }
        let [key] = call.func.within_group.as_slice() else {
            return;
        };
        let tokens = cx.tokens;
        let Some(within) = tokens.next_sig(call.close) else {
            return;
        };
        let Some(group) = tokens.next_sig(within) else {
            return;
        };
        let Some(open) = tokens.next_sig(group) else {
            return;
        };
        if !tokens.is_word(within, "within")
            || !tokens.is_word(group, "group")
            || !matches!(tokens.token(open), Token::LParen)
        {
            return;
        }
        let (Some(group_close), Some(key_range)) =
            (tokens.matching_paren(open), tokens.expr_range(&key.expr))
        else {
            return;
        };
        let range = call.range(tokens).start..tokens.ranges[group_close].end;
        let before = tokens.ranges[call.close].start..key_range.start;
        // Up to the last sort option (ASC, NULLS LAST): a comment before the
        // closing parenthesis stays.
        let Some(last) = tokens.prev_sig(group_close) else {
            return;
        };
        let after = key_range.end..tokens.ranges[last].end.max(key_range.end);
        if (call.close..group_close)
            .any(|j| tokens.is_comment(j) && tokens.ranges[j].end <= key_range.start)
        {
            out.push(
                Finding::new(
                    &self.meta,
                    range,
                    "`mode() within group (order by …)` with a comment before the sort key: Snowflake writes it MODE(x); rewrite it by hand so the comment is kept",
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }
        if cx.touches_jinja(&before) || cx.touches_jinja(&after) {
            out.push(
                Finding::new(
                    &self.meta,
                    range,
                    "`mode() within group (order by …)` with Jinja around the sort key: Snowflake writes it MODE(x); rewrite it by hand",
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }
        let mut edits = vec![Edit::delete(before)];
        if !after.is_empty() {
            edits.push(Edit::delete(after));
        }
        out.push(
            Finding::new(
                &self.meta,
                range,
                format!(
                    "`{}() within group (order by x)` → `{}(x)`: on a tie between equally frequent values PostgreSQL returns the first in the WITHIN GROUP order, Snowflake any of them",
                    cx.src(call.name_range(tokens)),
                    cx.src(call.name_range(tokens))
                ),
            )
            .with_edits(edits),
        );
    }
}
