//! PG421: `LIMIT ALL` → `LIMIT NULL`.

use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct LimitAll {
    meta: RuleMeta,
}

impl LimitAll {
    pub fn new() -> Self {
        LimitAll {
            meta: meta(
                "PG421",
                "limit-all",
                "LIMIT ALL is written LIMIT NULL in Snowflake",
                Category::Fix,
                docs(
                    "Replaces the `ALL` of `LIMIT ALL` by `NULL`: `limit all offset 10` becomes `limit null offset 10`.",
                    "Snowflake's LIMIT takes a constant count and does not know `ALL`. It documents `LIMIT NULL` (like an empty string) as no limit, which is what PostgreSQL's `LIMIT ALL` means; an OFFSET after it keeps working, where dropping the LIMIT would leave an OFFSET Snowflake does not accept alone.",
                    "`select * from events limit all offset 10` becomes `select * from events limit null offset 10`.",
                    "Safe: both mean no limit on the number of rows.",
                    "https://docs.snowflake.com/en/sql-reference/constructs/limit ; https://www.postgresql.org/docs/current/sql-select.html#SQL-LIMIT",
                ),
            ),
        }
    }
}

impl Rule for LimitAll {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let tokens = cx.tokens;
        let limits = tokens.indexes_where(|t| {
            matches!(t, Token::Word(w) if w.keyword == Keyword::LIMIT && w.quote_style.is_none())
        });
        for i in limits {
            let Some(all) = tokens.next_sig(i) else {
                continue;
            };
            let Token::Word(a) = tokens.token(all) else {
                continue;
            };
            if a.keyword != Keyword::ALL || a.quote_style.is_some() {
                continue;
            }
            let range = tokens.ranges[i].start..tokens.ranges[all].end;
            if cx.touches_jinja(&range) {
                continue;
            }
            let all_range = tokens.ranges[all].clone();
            let null = cx.kw_like(&all_range, "null");
            out.push(
                Finding::new(
                    &self.meta,
                    range.clone(),
                    format!(
                        "`{}` → `{} {null}`: Snowflake has no LIMIT ALL; LIMIT NULL means no limit",
                        cx.src(range),
                        cx.src(tokens.ranges[i].clone())
                    ),
                )
                .with_edits(vec![Edit::replace(all_range, null)]),
            );
        }
    }
}
