//! PG420: a ranking window function without ORDER BY gets `order by null`.

use sqlparser::ast::{Expr, WindowType};
use sqlparser::tokenizer::Token;

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

/// Functions whose result, over a window without ORDER BY, is the same for
/// every row of a partition (all rows are peers), so a constant sort key
/// gives exactly PostgreSQL's result.
const PEER_FUNCTIONS: &[&str] = &["rank", "dense_rank", "percent_rank", "cume_dist"];

/// Functions that number the rows in an order PostgreSQL leaves unspecified.
const NUMBERING_FUNCTIONS: &[&str] = &["row_number", "ntile"];

pub struct RankingOrder {
    meta: RuleMeta,
}

impl RankingOrder {
    pub fn new() -> Self {
        RankingOrder {
            meta: meta(
                "PG420",
                "ranking-without-order",
                "Snowflake's ranking window functions need an ORDER BY",
                Category::Review,
                docs(
                    "Adds `order by null` to the window of row_number, ntile, rank, dense_rank, percent_rank and cume_dist when it has no ORDER BY: `row_number() over (partition by k)` becomes `row_number() over (partition by k order by null)`.",
                    "Snowflake's ranking functions require an ORDER BY in their window and reject the query without one. PostgreSQL accepts the window unordered: every row of a partition is then a peer of every other. A constant sort key makes every row a peer in Snowflake too.",
                    "`row_number() over () as id` becomes `row_number() over (order by null) as id`; `rank() over (partition by siret)` becomes `rank() over (partition by siret order by null)`.",
                    "Safe (fix) for rank, dense_rank, percent_rank and cume_dist: with all rows peers they are 1, 1, 0 and 1 for every row, in both engines. Review for row_number and ntile: both engines number the rows in an arbitrary order, so which row gets which number can differ between the engines and between runs; the set of numbers per partition is the same. Add a real sort key where the numbering matters. A named window (`over w`) is not rewritten.",
                    "https://docs.snowflake.com/en/sql-reference/functions/row_number ; https://docs.snowflake.com/en/sql-reference/functions-window-syntax ; https://www.postgresql.org/docs/current/functions-window.html ; https://www.postgresql.org/docs/current/sql-expressions.html#SYNTAX-WINDOW-FUNCTIONS",
                ),
            ),
        }
    }
}

impl Rule for RankingOrder {
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
        let name = call.name.as_str();
        let category = if PEER_FUNCTIONS.contains(&name) {
            Category::Fix
        } else if NUMBERING_FUNCTIONS.contains(&name) {
            Category::Review
        } else {
            return;
        };
        let Some(WindowType::WindowSpec(spec)) = &call.func.over else {
            return;
        };
        if !spec.order_by.is_empty() || spec.window_name.is_some() {
            return;
        }
        let tokens = cx.tokens;
        let Some(over) = tokens.next_sig(call.close) else {
            return;
        };
        let Some(open) = tokens.next_sig(over) else {
            return;
        };
        if !tokens.is_word(over, "over") || !matches!(tokens.token(open), Token::LParen) {
            return;
        }
        let Some(close) = tokens.matching_paren(open) else {
            return;
        };
        let Some(last) = tokens.prev_sig(close) else {
            return;
        };
        let order_by_null = cx.kw("order by null");
        let edit = if last == open {
            Edit::insert(tokens.ranges[close].start, order_by_null.clone())
        } else {
            Edit::insert(tokens.ranges[last].end, format!(" {order_by_null}"))
        };
        let range = call.range(tokens).start..tokens.ranges[close].end;
        let message = if category == Category::Fix {
            format!("`{order_by_null}` added: Snowflake's {name} needs an ORDER BY; without one every row of the partition is a peer, as in PostgreSQL, so the result is the same")
        } else {
            format!("`{order_by_null}` added: Snowflake's {name} needs an ORDER BY; the rows are numbered in an arbitrary order in both engines, so which row gets which number can differ; add a real sort key if it matters")
        };
        out.push(
            Finding::new(&self.meta, range, message)
                .with_category(category)
                .with_edits(vec![edit]),
        );
    }
}
