//! PG503: `agg(x) filter (where c)` → `agg(iff(c, x, null))`, and
//! `count(*) filter (where c)` → `count_if(c)`.

use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr};
use sqlparser::tokenizer::Token;

use super::function_renames::{blank_start, Call};
use super::{docs, meta, Category, Finding, Rule, RuleContext, RuleMeta};
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
                    "Removes `FILTER (WHERE c)` from an aggregate call: `count(*) filter (where c)` becomes `count_if(c)`, and for count, sum, avg, min, max, string_agg, array_agg, bool_or, bool_and and every the first argument `x` becomes `iff(c, x, null)`.",
                    "No Snowflake aggregate takes a FILTER clause, so a model that uses one fails to compile. FILTER passes an aggregate only the rows where `c` is true. The aggregates listed ignore NULL inputs, so feeding them NULL for every other row (IFF yields NULL when `c` is false or NULL) gives the same result, including NULL (or 0 for count) when no row passes. COUNT_IF counts the rows where its condition is true, which is `count(*)` over the rows FILTER keeps.",
                    "`sum(amount) filter (where not is_refunded)` becomes `sum(iff(not is_refunded, amount, null))`; `count(*) filter (where status = 'returned')` becomes `count_if(status = 'returned')`; `count(distinct x) filter (where c)` becomes `count(distinct iff(c, x, null))`.",
                    "Safe for the aggregates listed, which all skip NULL inputs. PostgreSQL's array_agg keeps NULL inputs, but Snowflake's ARRAY_AGG drops them whatever the rewrite does; PG502 reports that difference. The same holds for string_agg's empty result (PG501). Not rewritten (unconvertible): other aggregates (their NULL handling differs or is unknown), a condition that holds Jinja (its text would be copied), and DISTINCT with an ORDER BY inside the call (Snowflake needs the same expression in both, which the wrapped argument no longer is).",
                    "https://docs.snowflake.com/en/sql-reference/functions/count_if ; https://docs.snowflake.com/en/sql-reference/functions/iff ; https://docs.snowflake.com/en/sql-reference/functions-aggregation ; https://www.postgresql.org/docs/current/sql-expressions.html#SYNTAX-AGGREGATES",
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

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Some(call) = Call::of(expr, cx.tokens) else {
            return;
        };
        let Some((kw, filter_close)) = call.filter else {
            return;
        };
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
            out.push(unconvertible(
                "FILTER (WHERE …) with Jinja in the condition: Snowflake has no FILTER clause and the condition cannot be copied; fold it into the argument by hand as iff(<condition>, <value>, null)".to_string(),
            ));
            return;
        }
        if call.is_distinct() && call.order_by.is_some() {
            out.push(unconvertible(
                "FILTER on an aggregate with DISTINCT and ORDER BY: Snowflake needs DISTINCT and WITHIN GROUP on the same expression, which a wrapped argument breaks; rewrite it by hand".to_string(),
            ));
            return;
        }
        let cond_text = cx.src(cond.clone()).to_string();
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
