//! PG503: `agg(x) filter (where c)` → `agg(iff(c, x, null))`, and
//! `count(*) filter (where c)` → `count_if(c)`; when `c` holds Jinja, the
//! argument moves instead: `agg(case when c then x end)`.

use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr};
use sqlparser::tokenizer::Token;

use super::function_renames::{blank_start, Call};
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;
use crate::source::ByteRange;

/// Aggregates that ignore NULL inputs, so that a NULL for every row the
/// filter rejects leaves the result as PostgreSQL computes it.
const NULL_IGNORING: &[&str] = &[
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "string_agg",
    "array_agg",
    "bool_or",
    "bool_and",
    "every",
    "mode",
];

pub struct FilterClause {
    meta: RuleMeta,
}

impl FilterClause {
    pub fn new() -> Self {
        FilterClause {
            meta: meta(
                "PG503",
                "filter-clause",
                "Snowflake aggregates have no FILTER clause",
                Category::Fix,
                docs(
                    "Removes `FILTER (WHERE c)` from an aggregate call: `count(*) filter (where c)` becomes `count_if(c)`, and for count, sum, avg, min, max, string_agg, array_agg, bool_or, bool_and, every and mode (once PG506 has made it `mode(x)`) the first argument `x` becomes `iff(c, x, null)`.",
                    "No Snowflake aggregate takes a FILTER clause, so a model that uses one fails to compile. FILTER passes an aggregate only the rows where `c` is true. The aggregates listed ignore NULL inputs, so feeding them NULL for every other row (IFF yields NULL when `c` is false or NULL) gives the same result, including NULL (or 0 for count) when no row passes. COUNT_IF counts the rows where its condition is true, which is `count(*)` over the rows FILTER keeps.",
                    "`sum(amount) filter (where not is_refunded)` becomes `sum(iff(not is_refunded, amount, null))`; `count(*) filter (where status = 'returned')` becomes `count_if(status = 'returned')`; `count(distinct x) filter (where c)` becomes `count(distinct iff(c, x, null))`; `count(id) filter (where {{ is_final('code') }})` becomes `count(case when {{ is_final('code') }} then id end)`; `array_agg(distinct x order by x) filter (where c)` becomes `array_agg(distinct iff(c, x, null) order by iff(c, x, null))`, which PG502 then moves to WITHIN GROUP.",
                    "Safe for the aggregates listed, which all skip NULL inputs. PostgreSQL's array_agg keeps NULL inputs, but Snowflake's ARRAY_AGG drops them whatever the rewrite does; PG502 reports that difference. The same holds for string_agg's empty result (PG501). `case when c then x end` is NULL exactly where `iff(c, x, null)` is (c false or NULL). With DISTINCT and ORDER BY, the rows the condition rejects become NULL in the sort key too, and these aggregates drop NULL inputs, so the kept values keep their order; Snowflake requires the WITHIN GROUP key to be the DISTINCT expression, which the identical wrapping keeps. Not rewritten (unconvertible): other aggregates (their NULL handling differs or is unknown); a Jinja condition when the argument (or the other arguments and ORDER BY, which move with it) holds Jinja too, when a comment sits between the call and the condition, when WITHIN GROUP stands before FILTER, or with DISTINCT and ORDER BY (the condition would be needed twice); DISTINCT with an ORDER BY on another expression (Snowflake needs the same expression in both).",
                    "https://docs.snowflake.com/en/sql-reference/functions/count_if ; https://docs.snowflake.com/en/sql-reference/functions/iff ; https://docs.snowflake.com/en/sql-reference/functions/case ; https://docs.snowflake.com/en/sql-reference/functions/array_agg ; https://docs.snowflake.com/en/sql-reference/functions-aggregation ; https://www.postgresql.org/docs/current/sql-expressions.html#SYNTAX-AGGREGATES",
                ),
            ),
        }
    }
}

/// First and last token of the first argument, after any DISTINCT/ALL.
fn first_arg_tokens(call: &Call, cx: &RuleContext) -> Option<(usize, usize)> {
    let tokens = cx.tokens;
    let mut start = tokens.next_sig(call.open)?;
    if call.list()?.duplicate_treatment.is_some() {
        start = tokens.next_sig(start)?;
    }
    let mut depth = 0usize;
    let mut stop = call.close;
    for j in start..call.close {
        match tokens.token(j) {
            Token::LParen | Token::LBracket => depth += 1,
            Token::RParen | Token::RBracket => depth = depth.saturating_sub(1),
            Token::Comma if depth == 0 => {
                stop = j;
                break;
            }
            _ if depth == 0 && Some(j) == call.order_by.map(|o| o.0) => {
                stop = j;
                break;
            }
            _ => {}
        }
    }
    let last = tokens.prev_sig(stop)?;
    (start <= last && start < call.close).then_some((start, last))
}

/// The condition inside `filter (where …)`.
fn condition(call: &Call, cx: &RuleContext) -> Option<ByteRange> {
    let tokens = cx.tokens;
    let (kw, close) = call.filter?;
    let open = tokens.next_sig(kw)?;
    let where_kw = tokens.next_sig(open)?;
    if !tokens.is_word(where_kw, "where") {
        return None;
    }
    let first = tokens.next_sig(where_kw)?;
    let last = tokens.prev_sig(close)?;
    (first <= last && last < close).then(|| tokens.ranges[first].start..tokens.ranges[last].end)
}

impl Rule for FilterClause {
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
        let Some((kw, filter_close)) = call.filter else {
            return;
        };
        if call.name == "mode" && !call.func.within_group.is_empty() {
            // PG506 makes it `mode(x)` first; the next pass folds the filter.
            return;
        }
        let tokens = cx.tokens;
        let range = call.range(tokens).start..tokens.ranges[filter_close].end;
        let unconvertible = |message: String| {
            Finding::new(&self.meta, range.clone(), message).with_category(Category::Unconvertible)
        };
        if !NULL_IGNORING.contains(&call.name.as_str()) {
            out.push(unconvertible(format!(
                "`{}(…) filter (where …)`: Snowflake has no FILTER clause, and {} is not an aggregate known to ignore NULLs, so the filter cannot be folded into its argument; rewrite it by hand (e.g. aggregate over a subquery that filters)",
                cx.src(call.name_range(tokens)),
                call.name
            )));
            return;
        }
        let Some(cond) = condition(&call, cx) else {
            return;
        };
        if cx.touches_jinja(&cond) {
            out.push(self.jinja_condition(&call, &cond, range, cx));
            return;
        }
        let cond_text = cx.src(cond.clone()).to_string();
        if call.is_distinct() && call.order_by.is_some() {
            out.push(self.distinct_ordered(&call, &cond_text, range, cx));
            return;
        }
        let delete_filter = Edit::delete(blank_start(tokens, kw)..tokens.ranges[filter_close].end);
        let list = call.list();
        let star = list.is_some_and(|l| {
            matches!(
                l.args.as_slice(),
                [FunctionArg::Unnamed(FunctionArgExpr::Wildcard)]
            )
        });
        if call.name == "count" && star {
            let Some(star_token) = tokens.next_sig(call.open) else {
                return;
            };
            if !matches!(tokens.token(star_token), Token::Mul) {
                return;
            }
            let name = call.name_range(tokens);
            let count_if = cx.kw_like(&name, "count_if");
            out.push(
                Finding::new(
                    &self.meta,
                    range.clone(),
                    format!(
                        "`{}(*) filter (where …)` → `{count_if}(…)`: Snowflake has no FILTER clause; COUNT_IF counts the rows where the condition is true",
                        cx.src(name.clone())
                    ),
                )
                .with_edits(vec![
                    Edit::replace(name, count_if),
                    Edit::replace(tokens.ranges[star_token].clone(), cond_text),
                    delete_filter,
                ]),
            );
            return;
        }
        let Some((first, last)) = first_arg_tokens(&call, cx) else {
            return;
        };
        if !matches!(
            list.and_then(|l| l.args.first()),
            Some(FunctionArg::Unnamed(FunctionArgExpr::Expr(_)))
        ) {
            return;
        }
        let iff = cx.kw("iff");
        let null = cx.kw("null");
        out.push(
            Finding::new(
                &self.meta,
                range.clone(),
                format!(
                    "FILTER (WHERE …) folded into the argument as `{iff}(<condition>, <value>, {null})`: Snowflake has no FILTER clause, and {} ignores the NULLs of the rows the condition rejects",
                    call.name
                ),
            )
            .with_edits(vec![
                Edit::insert(tokens.ranges[first].start, format!("{iff}({cond_text}, ")),
                Edit::insert(tokens.ranges[last].end, format!(", {null})")),
                delete_filter,
            ]),
        );
    }
}

impl FilterClause {
    /// A condition that holds Jinja cannot be copied, so the argument (plain
    /// SQL) moves instead and the condition stays byte-identical in place:
    /// `agg(x) filter (where c)` → `agg(case when c then x end)`, and
    /// `count(*) filter (where c)` → `count_if(c)`.
    fn jinja_condition(
        &self,
        call: &Call,
        cond: &ByteRange,
        range: ByteRange,
        cx: &RuleContext,
    ) -> Finding {
        let tokens = cx.tokens;
        let unconvertible = |why: &str| {
            Finding::new(
                &self.meta,
                range.clone(),
                format!("FILTER (WHERE …) with Jinja in the condition: Snowflake has no FILTER clause, and {why}"),
            )
            .with_category(Category::Unconvertible)
        };
        let hand = "fold it into the argument by hand as case when <condition> then <value> end";
        let (Some((kw, filter_close)), Some(cond_first)) = (call.filter, tokens.at(cond.start))
        else {
            return unconvertible(&format!("the call's layout was not recognised; {hand}"));
        };
        if tokens.next_sig(call.close) != Some(kw) {
            return unconvertible(&format!(
                "a WITHIN GROUP clause stands between the call and its FILTER; {hand}"
            ));
        }
        if call.is_distinct() && call.order_by.is_some() {
            return unconvertible(&format!("with DISTINCT and ORDER BY Snowflake needs the same expression in DISTINCT and WITHIN GROUP, so the condition would be needed twice and Jinja is never copied; {hand}, in both places"));
        }
        if (call.close..cond_first).any(|j| tokens.is_comment(j)) {
            return unconvertible(&format!(
                "a comment between the call and its condition would be lost; {hand}"
            ));
        }
        let list = call.list();
        let star = list.is_some_and(|l| {
            matches!(
                l.args.as_slice(),
                [FunctionArg::Unnamed(FunctionArgExpr::Wildcard)]
            )
        });
        if call.name == "count" && star {
            let Some(star_token) = tokens.next_sig(call.open) else {
                return unconvertible(&format!("the call's layout was not recognised; {hand}"));
            };
            let removed = tokens.ranges[star_token].start..cond.start;
            if !matches!(tokens.token(star_token), Token::Mul) || cx.touches_jinja(&removed) {
                return unconvertible(&format!("the call's layout was not recognised; {hand}"));
            }
            let name = call.name_range(tokens);
            let count_if = cx.kw_like(&name, "count_if");
            return Finding::new(
                &self.meta,
                range.clone(),
                format!(
                    "`{}(*) filter (where …)` → `{count_if}(…)`, the condition (with its Jinja) left in place: Snowflake has no FILTER clause; COUNT_IF counts the rows where the condition is true",
                    cx.src(name.clone())
                ),
            )
            .with_edits(vec![Edit::replace(name, count_if), Edit::delete(removed)]);
        }
        let (Some((first, last)), Some(before_close)) =
            (first_arg_tokens(call, cx), tokens.prev_sig(call.close))
        else {
            return unconvertible(&format!("the call's layout was not recognised; {hand}"));
        };
        if !matches!(
            list.and_then(|l| l.args.first()),
            Some(FunctionArg::Unnamed(FunctionArgExpr::Expr(_)))
        ) {
            return unconvertible(&format!("the argument is not an expression; {hand}"));
        }
        let value = tokens.ranges[first].start..tokens.ranges[last].end;
        let rest = value.end..tokens.ranges[before_close].end.max(value.end);
        if cx.touches_jinja(&(value.start..rest.end)) {
            return unconvertible(&format!(
                "the argument holds Jinja as well, so neither can be moved; {hand}"
            ));
        }
        // The text, not the token: masked Jinja reads as blanks in the tokens.
        let close_start = tokens.ranges[filter_close].start;
        let space = if close_start > 0
            && cx
                .text
                .as_bytes()
                .get(close_start - 1)
                .is_some_and(|b| b.is_ascii_whitespace())
        {
            ""
        } else {
            " "
        };
        let case_when = cx.kw("case when");
        let moved = format!(
            "{space}{} {} {}{})",
            cx.kw("then"),
            cx.src(value.clone()),
            cx.kw("end"),
            cx.src(rest)
        );
        Finding::new(
            &self.meta,
            range,
            format!(
                "FILTER (WHERE …) with Jinja in the condition: the argument moved into `{case_when} <condition> {} <value> {}` around the condition, which stays in place; Snowflake has no FILTER clause, and {} ignores the NULLs of the rows the condition rejects",
                cx.kw("then"),
                cx.kw("end"),
                call.name
            ),
        )
        .with_edits(vec![
            Edit::replace(value.start..cond.start, format!("{case_when} ")),
            Edit::replace(tokens.ranges[filter_close].clone(), moved),
        ])
    }

    /// `agg(distinct x order by x) filter (where c)`: Snowflake requires the
    /// WITHIN GROUP key to be the DISTINCT expression, so the condition wraps
    /// both: `agg(distinct iff(c, x, null) order by iff(c, x, null))`. The
    /// rows the condition rejects become NULL, which these aggregates drop
    /// before sorting, so the order of the kept values is unchanged.
    fn distinct_ordered(
        &self,
        call: &Call,
        cond_text: &str,
        range: ByteRange,
        cx: &RuleContext,
    ) -> Finding {
        let tokens = cx.tokens;
        let unconvertible = |why: &str| {
            Finding::new(
                &self.meta,
                range.clone(),
                format!(
                    "FILTER on an aggregate with DISTINCT and ORDER BY: {why}; rewrite it by hand"
                ),
            )
            .with_category(Category::Unconvertible)
        };
        let args = call.args().unwrap_or_default();
        let (Some(value), Some((first, last)), Some((kw, filter_close))) =
            (args.first(), first_arg_tokens(call, cx), call.filter)
        else {
            return unconvertible("the call's layout was not recognised");
        };
        let keys = call.order_by_exprs();
        if keys.iter().any(|k| *k != *value) {
            return unconvertible("Snowflake needs DISTINCT and WITHIN GROUP on the same expression, and the ORDER BY here sorts by another one");
        }
        let mut wrapped: Vec<ByteRange> = Vec::with_capacity(keys.len() + 1);
        wrapped.push(tokens.ranges[first].start..tokens.ranges[last].end);
        for key in keys {
            let Some(key_range) = tokens.expr_range(key) else {
                return unconvertible("the call's layout was not recognised");
            };
            wrapped.push(key_range);
        }
        let iff = cx.kw("iff");
        let null = cx.kw("null");
        let mut edits = vec![Edit::delete(
            blank_start(tokens, kw)..tokens.ranges[filter_close].end,
        )];
        for r in wrapped {
            edits.push(Edit::insert(r.start, format!("{iff}({cond_text}, ")));
            edits.push(Edit::insert(r.end, format!(", {null})")));
        }
        Finding::new(
            &self.meta,
            range,
            format!(
                "FILTER (WHERE …) folded into the argument and its ORDER BY key alike as `{iff}(<condition>, <value>, {null})`: Snowflake has no FILTER clause and needs DISTINCT and WITHIN GROUP on the same expression; {} ignores the NULLs of the rows the condition rejects",
                call.name
            ),
        )
        .with_edits(edits)
    }
}
